package press.dispatch.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.springframework.stereotype.Service;

import press.dispatch.articles.Author;
import press.dispatch.articles.Figure;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.articles.StoryFilter;
import press.dispatch.articles.Tag;
import press.dispatch.comments.PublishedComment;
import press.dispatch.comments.PublishedComments;
import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * Builds feeds with Rome: stories of a listing, or comments; always with absolute addresses and names, never emails.
 * An item's identity (RSS {@code guid}, Atom {@code id}) is a tag URI of the site's host, the day the story or comment
 * was written and its number, so a changed slug or headline never turns it into a new item in readers' feed readers.
 * Plain text (standfirsts, corrections, comments) goes into RSS escaped as HTML, since readers render an RSS
 * description as HTML; Atom marks it as text.
 */
@Service
public class Feeds {

    static final int STORIES = 20;
    static final int PARTNER_STORIES = 50;
    static final int COMMENTS = 30;

    /**
     * A root-relative address in story HTML ({@code href="/articles/x"}), made absolute for readers off the site; in a
     * {@code srcset} every candidate is one.
     */
    private static final Pattern RELATIVE = Pattern.compile("(\\s(?:href|src|poster|data-full)=\")/(?!/)");
    private static final Pattern SRCSET = Pattern.compile("(\\s(?:srcset|data-srcset)=\")([^\"]*)\"");
    private static final Pattern CANDIDATE = Pattern.compile("(^|,)(\\s*)/(?!/)");

    private final Stories stories;
    private final PublishedComments comments;
    private final SiteSettings settings;
    private final press.dispatch.corrections.Corrections corrections;

    Feeds(Stories stories, PublishedComments comments, SiteSettings settings, press.dispatch.corrections.Corrections corrections) {
        this.corrections = corrections;
        this.stories = stories;
        this.comments = comments;
        this.settings = settings;
    }

    /** A feed as written, with the time its newest item last changed (null when it has none). */
    public record Written(String xml, Instant modified) {
    }

    /**
     * @param title    what the feed is of, such as a section's name; empty for the whole site
     * @param pagePath the HTML page the feed mirrors
     * @param feedPath this feed's own address
     */
    Written stories(FeedFormat format, StoryFilter filter, String title, String description, String pagePath, String feedPath,
                    boolean fullText, int limit) {
        Settings site = settings.current();
        String base = site.baseUrl();
        SyndFeed feed = feed(format, site, title.isEmpty() ? site.name() : title + " – " + site.name(),
                description.isEmpty() ? site.description() : description, base + pagePath, base + feedPath);
        return listing(format, feed, stories.newest(filter, limit), base, fullText, null);
    }

    /**
     * A feed of stories another feature lists (a story thread's articles, newest first), written like every story
     * feed: titled "{@code title} – site name", in full text when the site's feeds are.
     *
     * @param since when the list began, the feed's time while it has no story yet
     */
    public Written storiesListed(FeedFormat format, List<Story> listed, String title, String description, String pagePath, String feedPath,
                                 Instant since) {
        Settings site = settings.current();
        String base = site.baseUrl();
        SyndFeed feed = feed(format, site, title + " – " + site.name(), description.isBlank() ? title : description, base + pagePath,
                base + feedPath);
        return listing(format, feed, listed, base, "full".equals(site.get(Setting.FEED_CONTENT)), since);
    }

    private Written listing(FeedFormat format, SyndFeed feed, List<Story> listed, String base, boolean fullText, Instant since) {
        List<SyndEntry> entries = new ArrayList<>();
        Instant modified = null;
        for (Story story : listed) {
            SyndEntry entry = entry(format, story, base, fullText);
            entries.add(entry);
            Instant updated = entry.getUpdatedDate().toInstant();
            modified = modified == null || updated.isAfter(modified) ? updated : modified;
        }
        feed.setEntries(entries);
        dated(format, feed, modified, since);
        return new Written(write(feed), modified);
    }

    /**
     * The feed's own time: its newest item's; in an Atom feed with no entries (which still requires one), {@code since},
     * or the Unix epoch ("nothing yet") when there is no better time. RSS leaves it out then.
     */
    private static void dated(FeedFormat format, SyndFeed feed, Instant modified, Instant since) {
        if (modified != null || format == FeedFormat.ATOM) {
            feed.setPublishedDate(Date.from(modified != null ? modified : since != null ? since : Instant.EPOCH));
        }
    }

    Written storiesOf(FeedFormat format, String feedPath) {
        boolean full = "full".equals(settings.current().get(Setting.FEED_CONTENT));
        return stories(format, StoryFilter.everything(), "", "", "/", feedPath, full, STORIES);
    }

    /** Comments on one story, or on every public story when {@code story} is null. */
    Written comments(FeedFormat format, Story story, String feedPath) {
        Settings site = settings.current();
        String base = site.baseUrl();
        String title = story == null ? "Comments – " + site.name() : "Comments on " + story.article().headline() + " – " + site.name();
        SyndFeed feed = feed(format, site, title, story == null ? site.description() : story.article().standfirst(),
                base + (story == null ? "/" : story.href()), base + feedPath);
        List<PublishedComment> found = story == null ? comments.newest(COMMENTS) : comments.newestOn(story.article().id(), COMMENTS);
        Map<Long, Optional<Story>> onStories = new HashMap<>();
        if (story != null) {
            onStories.put(story.article().id(), Optional.of(story));
        }
        List<SyndEntry> entries = new ArrayList<>();
        Instant modified = null;
        for (PublishedComment c : found) {
            Optional<Story> on = onStories.computeIfAbsent(c.articleId(), stories::findById);
            if (on.isEmpty()) {
                continue;
            }
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(c.authorName() + " on " + on.get().article().headline());
            entry.setLink(base + on.get().href() + "#comment-" + c.id());
            entry.setUri(itemId(site, "comment", c.id(), c.createdAt()));
            entry.setAuthors(List.of(person(c.authorName())));
            entry.setAuthor(c.authorName());
            entry.setDescription(plainText(format, c.body()));
            entry.setPublishedDate(Date.from(c.createdAt()));
            entry.setUpdatedDate(Date.from(c.createdAt()));
            entries.add(entry);
            modified = modified == null || c.createdAt().isAfter(modified) ? c.createdAt() : modified;
        }
        feed.setEntries(entries);
        dated(format, feed, modified, story == null ? null : updated(story));
        return new Written(write(feed), modified);
    }

    /**
     * An item's lasting identity: {@code tag:news.example,2026-11-30:article/12} (RFC 4151), from the site's host, the
     * day the item was written and its number; the item's address is its link. Without a host (an address setting
     * that is not a URL) the address itself.
     */
    static String itemId(Settings site, String kind, long id, Instant written) {
        String host = site.host();
        if (host.isEmpty()) {
            return site.baseUrl() + "/" + kind + "s/" + id;
        }
        return "tag:" + host + "," + written.atOffset(java.time.ZoneOffset.UTC).toLocalDate() + ":" + kind + "/" + id;
    }

    /**
     * Plain text as an item's description: in RSS, whose readers render a description as HTML, escaped and in
     * paragraphs (a blank line parts them, a line break stays one); in Atom, marked as text.
     */
    static SyndContent plainText(FeedFormat format, String text) {
        SyndContent content = new SyndContentImpl();
        if (format == FeedFormat.ATOM) {
            content.setType("text/plain");
            content.setValue(text);
            return content;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(org.springframework.web.util.HtmlUtils.htmlEscape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
            }
        }
        content.setType("text/html");
        content.setValue(html.toString());
        return content;
    }

    private static SyndFeed feed(FeedFormat format, Settings site, String title, String description, String page, String self) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setTitle(title);
        feed.setDescription(description.isBlank() ? title : description);
        feed.setLink(page);
        feed.setUri(self);
        feed.setLanguage(site.language());
        feed.setGenerator("Dispatch");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(page);
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setType(format.contentType().substring(0, format.contentType().indexOf(';')));
        selfLink.setHref(self);
        feed.setLinks(List.of(alternate, selfLink));
        if (format == FeedFormat.ATOM) {
            // Atom needs an author for entries without one: the publication is the author of last resort. (RSS would
            // turn it into managingEditor, which must be an email address.)
            feed.setAuthors(List.of(person(site.name())));
        }
        return feed;
    }

    private SyndEntry entry(FeedFormat format, Story story, String base, boolean fullText) {
        SyndEntry entry = new SyndEntryImpl();
        String link = base + story.href();
        entry.setTitle(story.article().headline());
        entry.setLink(link);
        entry.setUri(itemId(settings.current(), "article", story.article().id(), story.article().createdAt()));
        entry.setPublishedDate(Date.from(story.article().publishedAt()));
        entry.setUpdatedDate(Date.from(updated(story)));
        List<SyndPerson> authors = story.authors().stream().map(Author::displayName).map(Feeds::person).toList();
        if (!authors.isEmpty()) {
            entry.setAuthors(authors);
            entry.setAuthor(String.join(", ", story.authors().stream().map(Author::displayName).toList()));
        }
        List<SyndCategory> categories = new ArrayList<>();
        if (story.section() != null) {
            categories.add(category(story.section().name()));
        }
        for (Tag tag : story.tags()) {
            categories.add(category(tag.name()));
        }
        entry.setCategories(categories);
        List<press.dispatch.corrections.Correction> notes = corrections.listFor(story.article().id());
        StringBuilder noted = new StringBuilder(story.article().standfirst());
        StringBuilder notedHtml = new StringBuilder();
        for (press.dispatch.corrections.Correction c : notes) {
            noted.append(noted.isEmpty() ? "" : "\n\n").append(c.kind().label()).append(": ").append(c.text());
            notedHtml.append("<p class=\"correction\"><strong>").append(c.kind().label()).append(":</strong> ")
                    .append(org.springframework.web.util.HtmlUtils.htmlEscape(c.text())).append("</p>");
            Instant at = c.amendedAt() != null ? c.amendedAt() : c.createdAt();
            if (at.isAfter(entry.getUpdatedDate().toInstant())) {
                entry.setUpdatedDate(Date.from(at));
            }
        }
        entry.setDescription(plainText(format, noted.toString()));
        Map<String, List<Figure>> galleries = stories.galleriesIn(story);
        if (fullText) {
            SyndContent body = new SyndContentImpl();
            body.setType("html");
            body.setValue(absolute(stories.feedBody(story), base) + notedHtml);
            entry.setContents(List.of(body));
        }
        List<MediaContent> contents = new ArrayList<>();
        Figure photo = story.featured();
        if (photo != null) {
            String src = base + photo.src();
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(src);
            enclosure.setType("image/jpeg");
            // The byte size of the variant is not known here; RSS best practice asks for 0 then.
            enclosure.setLength(0);
            entry.setEnclosures(List.of(enclosure));
            contents.add(mediaContent(photo, base));
        }
        galleries.values().forEach(figures -> figures.forEach(f -> contents.add(mediaContent(f, base))));
        if (!contents.isEmpty()) {
            MediaEntryModuleImpl media = new MediaEntryModuleImpl();
            media.setMediaContents(contents.toArray(MediaContent[]::new));
            entry.getModules().add(media);
        }
        return entry;
    }

    /** A photo as Media RSS describes it: its JPEG with size, caption and credit, at an absolute address. */
    private static MediaContent mediaContent(Figure photo, String base) {
        MediaContent content = new MediaContent(new UrlReference(java.net.URI.create(base + photo.src())));
        content.setType("image/jpeg");
        content.setMedium("image");
        content.setWidth(photo.width());
        content.setHeight(photo.height());
        Metadata metadata = new Metadata();
        if (!photo.caption().isBlank()) {
            metadata.setDescription(photo.caption());
            metadata.setDescriptionType("plain");
        }
        if (!photo.credit().isBlank()) {
            metadata.setCredits(new com.rometools.modules.mediarss.types.Credit[] {
                    new com.rometools.modules.mediarss.types.Credit(null, null, photo.credit())});
        }
        content.setMetadata(metadata);
        return content;
    }

    private static Instant updated(Story story) {
        Instant published = story.article().publishedAt();
        Instant updated = story.article().updatedAt();
        return updated == null || updated.isBefore(published) ? published : updated;
    }

    static String absolute(String html, String base) {
        String root = Matcher.quoteReplacement(base + "/");
        String attributes = RELATIVE.matcher(html).replaceAll("$1" + root);
        return SRCSET.matcher(attributes).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + CANDIDATE.matcher(m.group(2)).replaceAll("$1$2" + root) + "\""));
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        return category;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("A feed could not be written: " + e.getMessage(), e);
        }
    }
}
