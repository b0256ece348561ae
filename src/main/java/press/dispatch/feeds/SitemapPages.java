package press.dispatch.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import press.dispatch.platform.PageCache;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * robots.txt, the sitemap index, the sitemap pages and the news sitemap. All are cached pages tagged
 * {@code front}: every change to a story purges the home page, and with it these. The index and the news sitemap also
 * change when a story leaves the news window, with no story changing; {@link NewsWindow} purges them then.
 */
@Controller
class SitemapPages {

    private static final String XML = "application/xml;charset=UTF-8";

    private final Sitemaps sitemaps;
    private final SiteSettings settings;

    SitemapPages(Sitemaps sitemaps, SiteSettings settings) {
        this.sitemaps = sitemaps;
        this.settings = settings;
    }

    @GetMapping("/robots.txt")
    void robots(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageCache.tag(request, "front");
        String text = settings.current().get(Setting.ROBOTS_TXT).replace("\r\n", "\n").replace("{base}", settings.current().baseUrl());
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/sitemap.xml")
    void index(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        PageCache.tag(request, "front", NewsWindow.TAG);
        response.setContentType(XML);
        sitemaps.writeIndex(response.getOutputStream());
    }

    @GetMapping("/sitemaps/{file}")
    void page(@PathVariable String file, HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        Sitemaps.Page page = sitemaps.page(file).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        PageCache.tag(request, "front");
        response.setContentType(XML);
        sitemaps.writePage(page, response.getOutputStream());
    }

    /** A 404 while no story is recent enough: a news sitemap without a {@code <url>} is not a valid sitemap. */
    @GetMapping("/sitemap-news.xml")
    void news(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        var stories = sitemaps.news();
        if (stories.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        PageCache.tag(request, "front", NewsWindow.TAG);
        response.setContentType(XML);
        sitemaps.writeNews(stories, response.getOutputStream());
    }
}
