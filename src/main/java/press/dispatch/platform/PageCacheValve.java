package press.dispatch.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Answers a request for a page in the {@link PageCache} inside Tomcat's engine, before the host, context and
 * servlet filter chain: the same answer {@link PageCacheFilter} would give (headers, ETag, 304, gzip), with the
 * stored header bytes handed over as they are. Anything else, and every miss, goes on to the filter, which renders
 * and stores the page.
 */
final class PageCacheValve extends ValveBase {

    private static final byte[] CACHE_CONTROL = bytes("Cache-Control");
    private static final byte[] CACHE_CONTROL_VALUE = bytes(PageCacheFilter.CACHE_CONTROL);
    private static final byte[] VARY = bytes("Vary");
    private static final byte[] VARY_VALUE = bytes("Accept-Encoding");
    private static final byte[] CONTENT_ENCODING = bytes("Content-Encoding");
    private static final byte[] GZIP = bytes("gzip");
    private static final byte[] HSTS = bytes("Strict-Transport-Security");
    private static final byte[] HSTS_VALUE = bytes(SecurityHeaders.HSTS);

    private final PageCache cache;

    PageCacheValve(PageCache cache) {
        super(true);
        this.cache = cache;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getRequestURI() == null) {
            // A request line Tomcat refused while reading it (a '|' or '[' in the address, a line over the size
            // limit): it answers 400 itself, with no host to run our filters; the security headers are added here.
            SecurityHeaders.write(request, response);
            getNext().invoke(request, response);
            return;
        }
        PageCache.Page page = null;
        String method = request.getMethod();
        if (cache.enabled() && PageCacheFilter.cacheable(method, request.getRequestURI())) {
            page = cache.find(cache.keyOf(request.getRequestURI(), request.getQueryString()));
        }
        if (page == null) {
            getNext().invoke(request, response);
            return;
        }
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        List<byte[]> encoded = page.encodedHeaders();
        for (int i = 0; i < encoded.size(); i += 2) {
            add(headers, encoded.get(i), encoded.get(i + 1));
        }
        add(headers, CACHE_CONTROL, CACHE_CONTROL_VALUE);
        add(headers, VARY, VARY_VALUE);
        if (request.isSecure()) {
            add(headers, HSTS, HSTS_VALUE);
        }
        byte[] body = PageCacheFilter.answer(page, request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"),
                request.getHeader("Accept-Encoding"));
        if (body == null) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(page.status());
        if (body == page.gzipped()) {
            add(headers, CONTENT_ENCODING, GZIP);
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * Tomcat is handed copies: it keeps a header's arrays in pooled fields and later writes into them (a next
     * answer's Content-Length digits, or a name such as "Content-Length", over the first bytes), which would corrupt
     * the stored page's headers, or these constants, for every later reader.
     */
    private static void add(MimeHeaders headers, byte[] name, byte[] value) {
        headers.addValue(name.clone(), 0, name.length).setBytes(value.clone(), 0, value.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
