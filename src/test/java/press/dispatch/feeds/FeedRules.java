package press.dispatch.feeds;

import java.io.StringReader;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses a feed with Rome (which refuses DTDs) and checks it against the RSS 2.0 or Atom 1.0 rules a reader relies
 * on: required elements, valid dates, absolute addresses, no email address anywhere.
 */
final class FeedRules {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern RSS_DATE = Pattern.compile("<(pubDate|lastBuildDate)>([^<]*)</");
    private static final Pattern ATOM_DATE = Pattern.compile("<(updated|published)>([^<]*)</");

    private FeedRules() {
    }

    static WireFeed parse(String xml) {
        try {
            WireFeedInput input = new WireFeedInput();
            assertThat(input.isAllowDoctypes()).as("DTDs refused").isFalse();
            return input.build(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("Not a feed Rome can read: " + e.getMessage() + "\n" + xml, e);
        }
    }

    static Channel rss(String xml) {
        WireFeed feed = parse(xml);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        Channel channel = (Channel) feed;
        assertThat(channel.getTitle()).as("channel title").isNotBlank();
        assertAbsolute(channel.getLink());
        assertThat(channel.getDescription()).as("channel description").isNotBlank();
        assertThat(channel.getManagingEditor()).as("managingEditor holds an email address").isNull();
        assertThat(channel.getWebMaster()).as("webMaster holds an email address").isNull();
        for (Item item : channel.getItems()) {
            assertThat(item.getTitle() != null || item.getDescription() != null).as("an item has a title or a description").isTrue();
            assertAbsolute(item.getLink());
            assertThat(item.getGuid()).as("guid").isNotNull();
            assertThat(item.getPubDate()).as("pubDate of " + item.getTitle()).isNotNull();
            assertThat(item.getAuthor()).as("RSS <author> holds an email address; names go in dc:creator").isNull();
            item.getEnclosures().forEach(e -> {
                assertAbsolute(e.getUrl());
                assertThat(e.getType()).isNotBlank();
            });
        }
        Matcher dates = RSS_DATE.matcher(xml);
        while (dates.find()) {
            ZonedDateTime.parse(dates.group(2), DateTimeFormatter.RFC_1123_DATE_TIME);
        }
        assertNoEmail(xml);
        return channel;
    }

    static Feed atom(String xml) {
        WireFeed wire = parse(xml);
        assertThat(wire.getFeedType()).isEqualTo("atom_1.0");
        Feed feed = (Feed) wire;
        assertThat(feed.getId()).as("feed id").isNotBlank();
        assertAbsolute(feed.getId());
        assertThat(feed.getTitle()).as("feed title").isNotBlank();
        assertThat(feed.getUpdated()).as("the feed's own updated (RFC 4287 4.1.1), also with no entries").isNotNull();
        assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");
        allLinks(feed).forEach(FeedRules::assertAbsolute);
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getId()).as("entry id").isNotBlank();
            assertThat(entry.getTitle()).as("entry title").isNotBlank();
            assertThat(entry.getUpdated()).as("entry updated").isNotNull();
            assertThat(!entry.getAuthors().isEmpty() || !feed.getAuthors().isEmpty()).as("an author for every entry").isTrue();
            entry.getAuthors().forEach(a -> assertThat(a.getEmail()).isNull());
            entry.getAlternateLinks().forEach(l -> assertAbsolute(l.getHref()));
            entry.getOtherLinks().forEach(l -> assertAbsolute(l.getHref()));
        }
        Matcher dates = ATOM_DATE.matcher(xml);
        while (dates.find()) {
            ZonedDateTime.parse(dates.group(2), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        assertNoEmail(xml);
        return feed;
    }

    private static List<String> allLinks(Feed feed) {
        List<String> links = new ArrayList<>();
        feed.getAlternateLinks().forEach(l -> links.add(l.getHref()));
        feed.getOtherLinks().forEach(l -> links.add(l.getHref()));
        return links;
    }

    static void assertAbsolute(String url) {
        assertThat(url).as("an address").isNotBlank();
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).as(url + " is absolute").isTrue();
        assertThat(uri.getScheme()).as(url).isIn("http", "https");
    }

    static void assertNoEmail(String xml) {
        assertThat(EMAIL.matcher(xml).find()).as("no email address in the feed:\n" + xml).isFalse();
    }
}
