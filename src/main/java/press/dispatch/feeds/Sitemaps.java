package press.dispatch.feeds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * of 50,000 addresses under the 50 MB limit (an address with many photos, such as a gallery, adds about 100 bytes
 * a photo).
 */
@Service
class Sitemaps {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Google News reads only stories of the last two days, and at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1_000;
    /** Google's limit of {@code <image:image>} entries for one address: photos past it are left out. */
    static final int IMAGES_PER_URL = 1_000;

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

    /**
     * A sitemap page by its file name ({@code articles-2.xml}), if it has an address on it: a source with nothing
     * public yet (no gallery published) has no page 1, since a {@code <urlset>} without a {@code <url>} is not a
     * valid sitemap.
     */
    Optional<Page> page(String file) {
        var m = java.util.regex.Pattern.compile("([a-z]+)-([1-9][0-9]{0,5})\\.xml").matcher(file);
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(2));
        return sources.stream().filter(s -> s.name().equals(m.group(1))).findFirst()
                .filter(s -> number <= pages(s.count()))
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
        if (earliestNews().isPresent()) {
            xml.writeStartElement("sitemap");
            element(xml, "loc", base + "/sitemap-news.xml");
            xml.writeEndElement();
        }
        end(xml);
    }

    /**
     * Written by hand rather than through {@link XMLStreamWriter}: a page of 50,000 addresses is the largest thing
     * Dispatch writes, and its only variable parts are addresses and times. Every address is escaped; times are
     * formatted from their epoch seconds without a formatter.
     */
    void writePage(Page page, OutputStream out) throws IOException {
        String base = escape(settings.current().baseUrl());
        Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"" + SITEMAP_NS + "\" xmlns:image=\"" + IMAGE_NS + "\">");
        StringBuilder line = new StringBuilder(512);
        IOException[] failed = {null};
        page.source().forEach((long) (page.number() - 1) * pageSize, pageSize, entry -> {
            if (failed[0] != null) {
                return;
            }
            line.setLength(0);
            line.append("<url><loc>").append(base);
            escape(entry.path(), line);
            line.append("</loc>");
            if (entry.modified() != null) {
                line.append("<lastmod>");
                w3c(entry.modified(), line);
                line.append("</lastmod>");
            }
            int images = 0;
            for (String photo : entry.photos()) {
                if (images++ == IMAGES_PER_URL) {
                    break;
                }
                line.append("<image:image><image:loc>").append(base);
                escape(photo, line);
                line.append("</image:loc></image:image>");
            }
            line.append("</url>");
            try {
                xml.append(line);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        xml.write("</urlset>");
        xml.flush();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out);
        return out.toString();
    }

    /** Text and attribute values alike: the five characters XML reserves. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
    }

    /** The news sitemap of these stories (see {@link #news()}); there must be at least one. */
    void writeNews(List<StoryCard> stories, OutputStream out) throws XMLStreamException {
        Settings site = settings.current();
        String base = site.baseUrl();
        XMLStreamWriter xml = start(out);
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NS);
        xml.writeNamespace("news", NEWS_NS);
        for (StoryCard story : stories) {
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

    /**
     * The earliest story in the news window now, if any (one row read, for {@link NewsWindow}'s regular check): it
     * changes when a story leaves the window, and is empty when the news sitemap is.
     */
    Optional<Long> earliestNews() {
        Instant now = clock.instant();
        return stories.earliestPublishedBetween(now.minus(NEWS_WINDOW), now);
    }

    /** The stories of the news sitemap: published in the last 48 hours, at most 1,000; empty on a quiet day. */
    List<StoryCard> news() {
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
        StringBuilder out = new StringBuilder(20);
        w3c(instant, out);
        return out.toString();
    }

    /** {@code 2026-11-30T12:04:05Z}: UTC to the second, as {@code Instant.toString} writes it for years 1000 to 9999. */
    static void w3c(Instant instant, StringBuilder out) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int inDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            out.append(instant.truncatedTo(ChronoUnit.SECONDS));
            return;
        }
        out.append(year).append('-');
        two(date.getMonthValue(), out);
        out.append('-');
        two(date.getDayOfMonth(), out);
        out.append('T');
        two(inDay / 3600, out);
        out.append(':');
        two(inDay / 60 % 60, out);
        out.append(':');
        two(inDay % 60, out);
        out.append('Z');
    }

    private static void two(int value, StringBuilder out) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
