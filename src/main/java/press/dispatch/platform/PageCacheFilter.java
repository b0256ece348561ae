package press.dispatch.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Stores tagged public pages in the {@link PageCache} as they are rendered (later requests for them are answered
 * by {@link PageCacheValve}), answers conditional GETs with 304 and gives gzip to clients that ask. With the cache
 * switched off it still adds the ETag and gzip.
 */
final class PageCacheFilter implements Filter {

    private static final Set<String> REPLAYED_HEADERS = Set.of("content-type", "content-language", "x-content-type-options",
            "x-frame-options", "content-security-policy", "referrer-policy", "x-xss-protection",
            "cross-origin-opener-policy", "permissions-policy", "link", "last-modified");
    static final String CACHE_CONTROL = "public, no-cache";
    private static final int MIN_GZIP_BYTES = 512;

    private final PageCache cache;

    PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    /**
     * A plain filter rather than a OncePerRequestFilter: marking a request as filtered sets a request attribute,
     * and on Tomcat every attribute write notifies the context's listeners, a measurable share of a cache hit.
     * The filter is registered for REQUEST dispatches only, so it runs once per request anyway.
     */
    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (shouldNotFilter(request)) {
            chain.doFilter(request, response);
        } else {
            doFilterInternal(request, response, chain);
        }
    }

    private static boolean shouldNotFilter(HttpServletRequest request) {
        return !cacheable(request.getMethod(), request.getRequestURI());
    }

    /** Only reads of public pages: never the admin, the API, live streams (never buffered), or files with their own caching. */
    static boolean cacheable(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method) || path == null) {
            return false;
        }
        return !(path.startsWith("/media/") || path.startsWith("/files/") || path.startsWith("/assets/") || path.startsWith("/actuator") || path.startsWith("/admin")
                || path.startsWith("/api") || path.startsWith("/live/"));
    }

    private void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Hits never get here: PageCacheValve answered them inside Tomcat.
        long generation = cache.generation();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        ReadParameters reading = cache.enabled() ? new ReadParameters(request) : null;
        chain.doFilter(reading == null ? request : reading, wrapper);

        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) request.getAttribute(PageCache.TAGS_ATTRIBUTE);
        if (tags == null || "HEAD".equals(request.getMethod()) || wrapper.getStatus() != 200 || response.containsHeader("Set-Cookie") || response.isCommitted()) {
            wrapper.copyBodyToResponse();
            return;
        }
        byte[] body = wrapper.getContentAsByteArray();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (REPLAYED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        if (response.getContentType() != null && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("content-type"))) {
            headers.add(Map.entry("Content-Type", response.getContentType()));
        }
        // A stored page is compressed once for every later reader; an unstored one only if this reader asks.
        boolean compress = body.length >= MIN_GZIP_BYTES && (cache.enabled() || acceptsGzip(request.getHeader("Accept-Encoding")));
        PageCache.Page page = new PageCache.Page(200, List.copyOf(headers), body, compress ? gzip(body) : null, etagOf(body), tags);
        if (reading != null) {
            cache.learn(request.getRequestURI(), reading.read());
            cache.store(cache.keyOf(request.getRequestURI(), request.getQueryString()), page, generation);
        }
        wrapper.resetBuffer();
        response.reset();
        send(page, request, response);
    }

    private static void send(PageCache.Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, String> header : page.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setHeader("ETag", page.etag());
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Vary", "Accept-Encoding");
        if (request.isSecure()) {
            // per answer, never stored with the page: its first reader may have come over plain http
            response.setHeader("Strict-Transport-Security", SecurityHeaders.HSTS);
        }
        byte[] body = answer(page, request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), request.getHeader("Accept-Encoding"));
        if (body == null) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(page.status());
        if (body == page.gzipped()) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * The body for a reader who sent these headers: {@code null} when their copy is current (answer 304), the gzip
     * body (the very array {@link PageCache.Page#gzipped()}) when they take gzip, else the plain one.
     */
    static byte[] answer(PageCache.Page page, String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {
        if (matches(ifNoneMatch, page.etag()) || ifNoneMatch == null && notModifiedSince(page, ifModifiedSince)) {
            return null;
        }
        return page.gzipped() != null && acceptsGzip(acceptEncoding) ? page.gzipped() : page.body();
    }

    /** Only pages that declare a Last-Modified (feeds) answer If-Modified-Since; an unreadable date is ignored. */
    static boolean notModifiedSince(PageCache.Page page, String ifModifiedSince) {
        if (ifModifiedSince == null) {
            return false;
        }
        for (Map.Entry<String, String> header : page.headers()) {
            if (header.getKey().equalsIgnoreCase("Last-Modified")) {
                try {
                    var format = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;
                    return !java.time.ZonedDateTime.parse(header.getValue(), format).isAfter(java.time.ZonedDateTime.parse(ifModifiedSince.trim(), format));
                } catch (java.time.format.DateTimeParseException e) {
                    return false;
                }
            }
        }
        return false;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            if (pieces[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].trim().replace(" ", "");
                    if (p.equals("q=0") || p.equals("q=0.0") || p.equals("q=0.00") || p.equals("q=0.000")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * Two independent checksums and the length: collisions between two versions of one page are practically
     * impossible, at a fraction of a cryptographic hash's cost (both checksums are CPU intrinsics). Weak (RFC 9110
     * 8.8.3), because the same tag stands for the plain and the gzip body, which are equivalent but not the same bytes
     * (as nginx does when it compresses); {@code If-None-Match} compares weakly anyway.
     */
    static String etagOf(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        Adler32 adler = new Adler32();
        adler.update(body);
        return "W/\"" + Long.toHexString(crc.getValue()) + Long.toHexString(adler.getValue()) + Integer.toHexString(body.length) + "\"";
    }
}
