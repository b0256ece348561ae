package press.dispatch.live;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.springframework.stereotype.Component;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.articles.ArticleAddition;
import press.dispatch.articles.Story;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.metadata.LiveBlogs;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * A live page's timeline as readers see it: under the article's body (server-rendered, complete without JavaScript),
 * in its JSON-LD, and each entry's HTML as the stream sends it. Also the live coverage panel in the editor.
 */
@Component
class Timeline implements ArticleAddition {

    static final int SUMMARY_LENGTH = 110;

    private final LiveRepository repository;
    private final MediaLibrary media;
    private final SiteSettings settings;
    private final TemplateEngine templates;
    private final LiveBlogs liveBlogs;

    Timeline(LiveRepository repository, MediaLibrary media, SiteSettings settings, TemplateEngine templates, LiveBlogs liveBlogs) {
        this.repository = repository;
        this.media = media;
        this.settings = settings;
        this.templates = templates;
        this.liveBlogs = liveBlogs;
    }

    /** One read of the coverage and its entries, for the timeline under the body and the page's {@code LiveBlogPosting}. */
    @Override
    public OnPage onPage(Story story) {
        long id = story.article().id();
        Optional<Coverage> coverage = repository.coverage(id);
        if (coverage.isEmpty()) {
            return OnPage.NOTHING;
        }
        List<Entry> shown = repository.shown(id);
        TimelineView view = view(coverage.get(), shown, story.href() + "#live");
        List<LiveBlogs.Update> updates = shown.stream()
                .map(e -> new LiveBlogs.Update(anchor(e), summary(e), plain(e), e.postedAt(), e.editedAt(), e.staffName())).toList();
        return new OnPage(output -> templates.render("live/timeline.jte", view, output),
                head -> head == null ? null : liveBlogs.liveBlog(head, coverage.get().startedAt(), coverage.get().endedAt(), updates));
    }

    @Override
    public Content editorPanel(AdminShell shell, Staff staff, long articleId) {
        Optional<Coverage> coverage = repository.coverage(articleId);
        LivePanel panel = new LivePanel(shell, articleId, coverage.map(c -> moment(c.startedAt())).orElse(null),
                coverage.map(Coverage::endedAt).map(this::moment).orElse(null));
        return output -> templates.render("live/panel.jte", panel, output);
    }

    TimelineView view(Coverage coverage, List<Entry> entries, String refresh) {
        List<EntryView> views = views(entries);
        return new TimelineView(coverage.articleId(), coverage.live() ? LiveStream.path(coverage.articleId()) : null, coverage.lastSequence(), refresh,
                moment(coverage.startedAt()), coverage.endedAt() == null ? null : moment(coverage.endedAt()),
                views.stream().filter(EntryView::pinned).toList(), views);
    }

    List<EntryView> views(List<Entry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> {
            if (e.mediaId() != null) {
                ids.add(e.mediaId());
            }
        });
        Map<Long, MediaItem> photos = ids.isEmpty() ? Map.of() : media.findAll(ids);
        return entries.stream().map(e -> view(e, e.mediaId() == null ? null : photos.get(e.mediaId()))).toList();
    }

    EntryView view(Entry e, MediaItem photo) {
        EntryView.Photo figure = null;
        if (photo != null) {
            MediaItem.Variant v = photo.variantFor(960);
            figure = new EntryView.Photo(photo.url(v), photo.srcset(), v.width(), v.height(), photo.altText(), photo.caption(), photo.credit().line());
        }
        return new EntryView(e.id(), anchor(e), moment(e.postedAt()), e.editedAt() == null ? null : moment(e.editedAt()), e.staffName(), e.bodyHtml(),
                figure, e.quoteText(), e.quoteSource(), e.embedUrl(), label(e.embedUrl()), e.pinned(), summary(e));
    }

    /** One entry's HTML, as the timeline shows it. */
    String entryHtml(EntryView view) {
        StringOutput output = new StringOutput();
        templates.render("live/entry.jte", view, output);
        return output.toString();
    }

    /** The key events list, as the timeline shows it (empty without any). */
    String keyEventsHtml(List<EntryView> keyEvents) {
        StringOutput output = new StringOutput();
        templates.render("live/key-events.jte", Map.of("keyEvents", keyEvents), output);
        return output.toString().strip();
    }

    static String anchor(Entry e) {
        return "entry-" + e.id();
    }

    EntryView.Moment moment(Instant instant) {
        Settings site = settings.current();
        ZoneId zone = site.zone();
        Locale locale = site.locale();
        var local = instant.atZone(zone);
        return new EntryView.Moment(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.withNano(0)),
                DateTimeFormatter.ofPattern("d MMM, HH:mm z", locale).format(local));
    }

    /** The entry's words as plain text: its text, else its quote, else its photo's caption, else its link. */
    static String plain(Entry e) {
        // Jsoup's text: block ends part words, inline markup (**noon**.) leaves none ("noon ." before)
        String text = org.jsoup.Jsoup.parseBodyFragment(e.bodyHtml()).text().replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            text = e.quoteText().isEmpty() ? e.embedUrl() : "“" + e.quoteText() + "”" + (e.quoteSource().isEmpty() ? "" : " – " + e.quoteSource());
        }
        return text.isEmpty() ? "Photo" : text;
    }

    static String summary(Entry e) {
        String text = plain(e);
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        return text.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH - 1) + "…";
    }

    /** An embed link's words: its host and path, without the scheme. */
    static String label(String url) {
        if (url.isEmpty()) {
            return "";
        }
        try {
            URI uri = URI.create(url);
            String shown = uri.getHost() + (uri.getRawPath() == null ? "" : uri.getRawPath());
            return shown.length() > 80 ? shown.substring(0, 79) + "…" : shown;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
