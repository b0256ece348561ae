package press.dispatch.feeds;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Service;

import press.dispatch.articles.StoryCard;
import press.dispatch.articles.Stories;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * Writes the sitemap index, the sitemap pages and the news sitemap straight to a stream as their sources walk
 * their addresses. A slug is at most 80 characters, so one address with its photo stays well under 1 KB and a page
 * of 50,000 addresses under the 50 MB limit.
 */
@Service
class Sitemaps {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Google News reads only stories of the last two days, and at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1_000;

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final List<SitemapSource> sources;
    private final Stories stories;
    private final SiteSettings settings;
    private final Clock clock;
    private final int pageSize;

    Sitemaps(List<SitemapSource> sources, Stories stories, SiteSettings settings, Clock clock, SitemapProperties properties) {
        this.sources = sources.stream().sorted(Comparator.comparingInt(SitemapSource::position)).toList();
        this.stories = stories;
        this.settings = settings;
        this.clock = clock;
        this.pageSize = properties.pageSize();
    }

    /** A sitemap page by its file name ({@code articles-2.xml}), if it exists. */
    Optional<Page> page(String file) {
        var m = java.util.regex.Pattern.compile("([a-z]+)-([1-9][0-9]{0,5})\\.xml").matcher(file);
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(2));
        return sources.stream().filter(s -> s.name().equals(m.group(1))).findFirst()
                // Page 1 always exists (an empty source's is never listed); counting is only needed past it.
                .filter(s -> number == 1 || number <= pages(s.count()))
                .map(s -> new Page(s, number));
    }

    record Page(SitemapSource source, int number) {
    }

    void writeIndex(OutputStream out) throws XMLStreamException {
        String base = settings.current().baseUrl();
        XMLStreamWriter xml = start(out);
        xml.writeStartElement("sitemapindex");
        xml.writeDefaultNamespace(SITEMAP_NS);
        for (SitemapSource source : sources) {
            long pages = pages(source.count());
            for (int page = 1; page <= pages; page++) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", base + "/sitemaps/" + source.name() + "-" + page + ".xml");
                xml.writeEndElement();
            }
        }
        if (!news().isEmpty()) {
            xml.writeStartElement("sitemap");
            element(xml, "loc", base + "/sitemap-news.xml");
            xml.writeEndElement();
        }
        end(xml);
    }

    void writePage(Page page, OutputStream out) throws XMLStreamException {
        String base = settings.current().baseUrl();
        XMLStreamWriter xml = start(out);
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NS);
        xml.writeNamespace("image", IMAGE_NS);
        XMLStreamException[] failed = {null};
        page.source().forEach((long) (page.number() - 1) * pageSize, pageSize, entry -> {
            if (failed[0] != null) {
                return;
            }
            try {
                xml.writeStartElement("url");
                element(xml, "loc", base + entry.path());
                if (entry.modified() != null) {
                    element(xml, "lastmod", w3c(entry.modified()));
                }
                if (entry.photo() != null) {
                    xml.writeStartElement("image", "image", IMAGE_NS);
                    xml.writeStartElement("image", "loc", IMAGE_NS);
                    xml.writeCharacters(base + entry.photo());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        end(xml);
    }

    void writeNews(OutputStream out) throws XMLStreamException {
        Settings site = settings.current();
        String base = site.baseUrl();
        XMLStreamWriter xml = start(out);
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NS);
        xml.writeNamespace("news", NEWS_NS);
        for (StoryCard story : news()) {
            xml.writeStartElement("url");
            element(xml, "loc", base + story.href());
            xml.writeStartElement("news", "news", NEWS_NS);
            xml.writeStartElement("news", "publication", NEWS_NS);
            news(xml, "name", site.name());
            news(xml, "language", newsLanguage(site.locale()));
            xml.writeEndElement();
            news(xml, "publication_date", story.published().iso());
            news(xml, "title", story.headline());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        end(xml);
    }

    /** Google News takes ISO 639 codes, except Chinese, which it wants as zh-cn or zh-tw. */
    static String newsLanguage(Locale locale) {
        String language = locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
        if (language.equals("zh")) {
            return "TW".equals(locale.getCountry()) || "Hant".equals(locale.getScript()) ? "zh-tw" : "zh-cn";
        }
        return language;
    }

    private List<StoryCard> news() {
        Instant now = clock.instant();
        return stories.publishedBetween(now.minus(NEWS_WINDOW), now, NEWS_LIMIT);
    }

    private long pages(long count) {
        return (count + pageSize - 1) / pageSize;
    }

    private static XMLStreamWriter start(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        return xml;
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void news(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("news", name, NEWS_NS);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
