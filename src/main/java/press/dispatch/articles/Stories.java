package press.dispatch.articles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.function.SingletonSupplier;

import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.metadata.ArticleFacts;
import press.dispatch.metadata.HeadMetadata;
import press.dispatch.metadata.PageDescriptions;
import press.dispatch.metadata.SocialImage;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * What readers can see: only articles that are published and whose time has come. Every public page, feed and
 * email of another feature reads stories through here.
 */
@Service
public class Stories {

    static final int CARD_WIDTH = 480;
    static final Duration BARE_LIFETIME = Duration.ofSeconds(10);

    private final ArticleRepository articles;
    private final SectionNavigation navigation;
    private final AuthorRepository authors;
    private final TagRepository tags;
    private final MediaLibrary media;
    private final SiteSettings settings;
    private final PageDescriptions descriptions;
    private final Clock clock;
    /** Resolved once: an ObjectProvider looks the bean up again (by type, among every bean) on each call. */
    private final SingletonSupplier<Discussion> discussion;
    /** What other features add to a story's page, resolved once like {@link #discussion}. */
    private final SingletonSupplier<List<ArticleAddition>> additions;
    /** What other features note around a story, resolved once like {@link #discussion}. */
    private final SingletonSupplier<List<StoryNotes>> notes;
    /**
     * Bare public articles by slug, as every comment posted reads one. Emptied on this node when any article changes
     * (after the commit), and when another node's purge reaches this one; an entry lives at most {@link #BARE_LIFETIME}.
     */
    private final Cache<String, Article> bare = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(BARE_LIFETIME).build();
    /** Counts article changes, so a read that overlapped one is not kept. */
    private final AtomicLong bareGeneration = new AtomicLong();

    Stories(ArticleRepository articles, SectionNavigation navigation, AuthorRepository authors, TagRepository tags, MediaLibrary media,
            SiteSettings settings, Clock clock, org.springframework.beans.factory.ObjectProvider<Discussion> discussion,
            PageDescriptions descriptions, org.springframework.beans.factory.ObjectProvider<ArticleAddition> additions,
            org.springframework.beans.factory.ObjectProvider<StoryNotes> notes) {
        this.additions = SingletonSupplier.of(() -> additions.orderedStream().toList());
        this.notes = SingletonSupplier.of(() -> notes.orderedStream().toList());
        this.descriptions = descriptions;
        this.discussion = SingletonSupplier.of(discussion::getIfAvailable);
        this.articles = articles;
        this.navigation = navigation;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.settings = settings;
        this.clock = clock;
    }

    /** A public story by id (also inside the transaction that publishes it). */
    public Optional<Story> findById(long id) {
        Instant now = clock.instant();
        return articles.find(id)
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && !a.publishedAt().isAfter(now))
                .map(this::story);
    }

    /** A public story as its page shows it: the rendered body, without the editor's Markdown source. */
    public Optional<Story> findBySlug(String slug) {
        return articles.findPublicDescribed(slug, clock.instant()).map(found -> story(found.article(), found.described()));
    }

    /**
     * A public story without its body, byline, tags and photo: for writes that need only the article (a comment
     * being posted), where building the whole page's story would cost more than the write.
     */
    public Optional<Story> bareBySlug(String slug) {
        Instant now = clock.instant();
        Article article = bare.getIfPresent(slug);
        if (article == null) {
            long generation = bareGeneration.get();
            article = articles.findPublicBare(slug, now).orElse(null);
            if (article != null) {
                bare.put(slug, article);
                if (bareGeneration.get() != generation) {
                    // An article changed meanwhile; what was read may be from before that change.
                    bare.invalidate(slug);
                }
            }
        }
        return Optional.ofNullable(article)
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && !a.publishedAt().isAfter(now))
                .map(a -> new Story(a, a.sectionId() == null ? null : navigation.section(a.sectionId()), List.of(), List.of(), null, null, null,
                        SearchOverrides.NONE, List.of()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forgetBare(ArticleChanged changed) {
        forgetBareArticles();
    }

    /** Also when another node purged an article's pages (see {@link PagePurges}). */
    void forgetBareArticles() {
        bareGeneration.incrementAndGet();
        bare.invalidateAll();
    }

    /** The current slug of a public article that used to answer to {@code oldSlug}. */
    Optional<String> movedTo(String oldSlug, EditorRepository desk) {
        return desk.articleForOldSlug(oldSlug).flatMap(this::findById).map(s -> s.article().slug());
    }

    /** Any article as it would look published now (the editor's preview); a draft is dated now. */
    Story preview(Article a) {
        if (a.publishedAt() != null) {
            return story(a);
        }
        Instant now = clock.instant();
        return story(new Article(a.id(), a.slug(), a.headline(), a.standfirst(), a.bodyMarkdown(), a.bodyHtml(), a.sectionId(), a.featuredMediaId(),
                a.featuredCaption(), a.featuredCredit(), a.featuredAlt(), a.status(), a.webOnly(), a.commentsOpen(), now, a.createdAt(), now,
                a.authorIds(), a.tagIds()));
    }

    /** The newest stories, optionally only of one section ({@code null} for all). */
    private SingletonSupplier<GalleryEmbeds> galleryEmbeds = SingletonSupplier.of(() -> null);

    @org.springframework.beans.factory.annotation.Autowired
    void galleryEmbeds(org.springframework.beans.factory.ObjectProvider<GalleryEmbeds> embeds) {
        this.galleryEmbeds = SingletonSupplier.of(embeds::getIfAvailable);
    }

    /** The story with the galleries its body places ({@code ::gallery[slug]}) as they are now. */
    private Story withGalleries(Story story) {
        Article a = story.article();
        String html = GalleryDirective.expand(a.bodyHtml(), galleryEmbeds.get());
        if (html.equals(a.bodyHtml())) {
            return story;
        }
        return new Story(new Article(a.id(), a.slug(), a.headline(), a.standfirst(), a.bodyMarkdown(), html, a.sectionId(), a.featuredMediaId(),
                a.featuredCaption(), a.featuredCredit(), a.featuredAlt(), a.status(), a.webOnly(), a.commentsOpen(), a.publishedAt(), a.createdAt(),
                a.updatedAt(), a.authorIds(), a.tagIds()), story.section(), story.authors(), story.tags(), story.featured(), story.published(),
                story.updated(), story.search(), story.images());
    }

    /** The photos of each published gallery a story's body places, by slug in body order (for feeds). */
    public java.util.Map<String, List<Figure>> galleriesIn(Story story) {
        GalleryEmbeds embeds = galleryEmbeds.get();
        java.util.Map<String, List<Figure>> found = new java.util.LinkedHashMap<>();
        if (embeds != null) {
            for (String slug : GalleryDirective.slugsIn(story.article().bodyHtml())) {
                List<Figure> figures = embeds.figures(slug);
                if (!figures.isEmpty()) {
                    found.put(slug, figures);
                }
            }
        }
        return found;
    }

    /** A story's body for feed readers: each gallery it places as a link to its page followed by its photos. */
    public String feedBody(Story story) {
        java.util.Map<String, List<Figure>> galleries = galleriesIn(story);
        return GalleryDirective.expandForFeeds(story.article().bodyHtml(), slug -> galleries.getOrDefault(slug, List.of()));
    }

    /** The comments section and count for a story's page. */
    ArticlePage page(press.dispatch.site.Shell shell, Story given, Long replyTo) {
        return page(shell, given, replyTo, null);
    }

    /**
     * A story's page as readers see it: what other features add (corrections, its thread, a live timeline) and its
     * comments. With {@code preview} it is the newsroom's preview of that same page, without comments.
     */
    ArticlePage page(press.dispatch.site.Shell shell, Story given, Long replyTo, ArticlePage.Preview preview) {
        Discussion comments = discussion.get();
        Story story = withGalleries(given);
        return page(shell, story, comments == null || preview != null ? null : comments.section(story, replyTo), preview);
    }

    /**
     * A story's page with a comments section made by its caller (the comment form sent back with its errors, or a held
     * comment marked as awaiting moderation): the rest is the page readers always see.
     */
    public ArticlePage pageWithComments(press.dispatch.site.Shell shell, Story given, Discussion.Section comments) {
        return page(shell, withGalleries(given), comments, null);
    }

    private ArticlePage page(press.dispatch.site.Shell shell, Story story, Discussion.Section comments, ArticlePage.Preview preview) {
        // each feature reads what it adds once, for both the page's head and its body
        List<ArticleAddition.OnPage> added = additions.get().stream().map(a -> a.onPage(story)).toList();
        List<StoryNotes.Notes> noted = notes.get().stream().map(n -> n.notes(story)).toList();
        HeadMetadata head = head(story, noted.stream().flatMap(n -> n.corrections().stream()).toList());
        for (ArticleAddition.OnPage addition : added) {
            head = addition.head().apply(head);
        }
        ArticlePage.Notes shown = notes(added, noted);
        return comments == null
                ? new ArticlePage(shell, story, 0, output -> { }, preview, head, shown)
                : new ArticlePage(shell, story, comments.count(), comments.content(), preview, head, shown);
    }

    /** What other features show around this story: above the body, under it, and at its foot. */
    private static ArticlePage.Notes notes(List<ArticleAddition.OnPage> added, List<StoryNotes.Notes> noted) {
        List<gg.jte.Content> top = new ArrayList<>();
        List<gg.jte.Content> under = new ArrayList<>();
        List<gg.jte.Content> foot = new ArrayList<>();
        added.forEach(a -> java.util.Optional.ofNullable(a.underBody()).ifPresent(under::add));
        noted.forEach(n -> {
            java.util.Optional.ofNullable(n.top()).ifPresent(top::add);
            java.util.Optional.ofNullable(n.foot()).ifPresent(foot::add);
        });
        return new ArticlePage.Notes(top, under, foot);
    }

    /**
     * How a story's page describes itself: the editor's search title, description and social image where set, else
     * the headline, the standfirst (or the body's opening) and the featured photo in each of its sizes.
     */
    HeadMetadata head(Story story, List<ArticleFacts.Correction> corrections) {
        Article a = story.article();
        SearchOverrides search = story.search();
        String description = !search.description().isEmpty() ? search.description()
                : !a.standfirst().isEmpty() ? a.standfirst() : opening(a.bodyHtml());
        Instant modified = story.updated() == null ? a.publishedAt() : java.time.OffsetDateTime.parse(story.updated().iso()).toInstant();
        for (ArticleFacts.Correction c : corrections) { // a correction is a change readers are told of
            modified = c.published().isAfter(modified) ? c.published() : modified;
        }
        return descriptions.article(new ArticleFacts(story.href(), a.headline(), search.title(), description, story.images(),
                story.section() == null ? null : new ArticleFacts.Link(story.section().name(), story.section().href()),
                story.tags().stream().map(Tag::name).toList(),
                story.authors().stream().map(au -> new ArticleFacts.Link(au.displayName(), au.href())).toList(),
                a.publishedAt(), modified, corrections));
    }

    /** The first words of a rendered body, as plain text, for a description. */
    private static String opening(String html) {
        return PageDescriptions.summary(html, PageDescriptions.DESCRIPTION_LENGTH);
    }

    public List<StoryCard> latest(Long sectionId, int offset, int limit) {
        var filter = sectionId == null ? ArticleRepository.Filter.ALL : ArticleRepository.Filter.section(sectionId);
        return cards(articles.listPublic(filter, clock.instant(), offset, limit));
    }

    /** The newest stories of a listing, whole (body, byline, tags, photo): for feeds. */
    public List<Story> newest(StoryFilter filter, int limit) {
        List<Story> found = new ArrayList<>(limit);
        for (ArticleRepository.CardRow row : articles.listPublic(filter.filter(), clock.instant(), 0, limit)) {
            articles.find(row.id()).map(this::story).ifPresent(found::add);
        }
        return found;
    }

    /** Stories published in {@code (from, to]} that go out by email (web only ones never do), newest first, at most {@code limit}. */
    public List<StoryCard> emailedBetween(Instant from, Instant to, int limit) {
        Instant until = to.isAfter(clock.instant()) ? clock.instant() : to;
        return cards(articles.listPublishedBetween(from, until, limit, true));
    }

    /**
     * The id of the story published earliest in {@code (from, to]}, if any: it changes when that story leaves a moving
     * window, which changes nothing else (for the news sitemap).
     */
    public Optional<Long> earliestPublishedBetween(Instant from, Instant to) {
        Instant until = to.isAfter(clock.instant()) ? clock.instant() : to;
        return articles.earliestPublishedBetween(from, until);
    }

    /** Stories published in {@code (from, to]}, web only ones included, newest first, at most {@code limit}: for the news sitemap. */
    public List<StoryCard> publishedBetween(Instant from, Instant to, int limit) {
        Instant until = to.isAfter(clock.instant()) ? clock.instant() : to;
        return cards(articles.listPublishedBetween(from, until, limit, false));
    }

    /** A page of stories, or empty when the page number is past the last page (page 1 always exists). */
    Optional<StoryList> page(ArticleRepository.Filter filter, int page, int perPage) {
        Instant now = clock.instant();
        long total = articles.countPublic(filter, now);
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        if (page < 1 || page > pages) {
            return Optional.empty();
        }
        return Optional.of(new StoryList(cards(articles.listPublic(filter, now, (page - 1) * perPage, perPage)), page, pages));
    }

    /** Each year with public stories, newest first, with its months (newest first) and counts, in the site's time zone. */
    List<ArchivePage.Year> archive() {
        java.time.ZoneId zone = settings.current().zone();
        java.util.Locale locale = settings.current().locale();
        java.util.TreeMap<java.time.YearMonth, Long> counts = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        articles.eachPublicTime(clock.instant(), t -> counts.merge(java.time.YearMonth.from(t.atZone(zone)), 1L, Long::sum));
        java.util.LinkedHashMap<Integer, List<ArchivePage.Month>> years = new java.util.LinkedHashMap<>();
        counts.forEach((month, count) -> years.computeIfAbsent(month.getYear(), y -> new ArrayList<>())
                .add(new ArchivePage.Month(month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM", locale)),
                        ArchivePage.href(month.getYear(), month.getMonthValue()), count)));
        return years.entrySet().stream().map(e -> new ArchivePage.Year(e.getKey(), ArchivePage.href(e.getKey(), 0),
                e.getValue().stream().mapToLong(ArchivePage.Month::count).sum(), List.copyOf(e.getValue()))).toList();
    }

    /** The moments a date archive starts and ends (exclusive), in the site's time zone; {@code month} 0 is the whole year. */
    ArticleRepository.Filter period(int year, int month) {
        java.time.ZoneId zone = settings.current().zone();
        java.time.LocalDate start = java.time.LocalDate.of(year, month == 0 ? 1 : month, 1);
        java.time.LocalDate end = month == 0 ? start.plusYears(1) : start.plusMonths(1);
        return ArticleRepository.Filter.between(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }

    /** A date archive's heading: "November 2026", or "2026". */
    String periodName(int year, int month) {
        return month == 0 ? Integer.toString(year)
                : java.time.YearMonth.of(year, month).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", settings.current().locale()));
    }

    public Optional<Section> section(String slug) {
        return navigation.all().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    public Optional<Tag> tag(String slug) {
        return tags.findBySlug(slug);
    }

    public Optional<Author> author(String slug) {
        return authors.findBySlug(slug);
    }

    /** An author's portrait at thumbnail size, or null. */
    Figure portrait(Author author) {
        if (author.photoMediaId() == null) {
            return null;
        }
        return media.find(author.photoMediaId()).map(m -> figure(m, CARD_WIDTH, "Portrait of " + author.displayName(), "", "")).orElse(null);
    }

    List<Section> sections() {
        return navigation.all();
    }

    private Story story(Article a) {
        return story(a, articles.described(a.id()));
    }

    /** The whole story: its byline and tags in one query, its featured and social photos in another. */
    private Story story(Article a, ArticleRepository.Described described) {
        Settings site = settings.current();
        Section section = a.sectionId() == null ? null : navigation.section(a.sectionId());
        ArticleRepository.BylineAndTags credits = articles.bylineAndTags(a.id());
        Long socialId = described.overrides().socialMediaId() != null ? described.overrides().socialMediaId() : a.featuredMediaId();
        Set<Long> photoIds = new HashSet<>();
        if (a.featuredMediaId() != null) {
            photoIds.add(a.featuredMediaId());
        }
        if (socialId != null) {
            photoIds.add(socialId);
        }
        Map<Long, MediaItem> photos = photoIds.isEmpty() ? Map.of() : media.findAll(photoIds);
        MediaItem featuredPhoto = a.featuredMediaId() == null ? null : photos.get(a.featuredMediaId());
        Figure featured = featuredPhoto == null ? null : figure(featuredPhoto, 960, a.featuredAlt(), a.featuredCaption(), a.featuredCredit());
        Dateline published = Dateline.of(a.publishedAt(), site.zone(), site.locale());
        Instant revised = described.revisedAt();
        Dateline updated = revised != null && revised.isAfter(a.publishedAt()) ? Dateline.of(revised, site.zone(), site.locale()) : null;
        MediaItem socialPhoto = socialId == null ? null : photos.get(socialId);
        return new Story(a, section, credits.byline(), credits.tags(), featured, published, updated, described.overrides(),
                socialPhoto == null ? List.of() : socialImages(a, socialPhoto, socialId.equals(a.featuredMediaId()) ? featured : null));
    }

    /**
     * One picture in each shape search engines and sharing cards ask for, cut around the focal point; the featured
     * photo keeps the article's own alt text ({@code featured} is set when the social image is that photo).
     */
    private static List<SocialImage> socialImages(Article a, MediaItem m, Figure featured) {
        String alt = featured != null ? featured.alt() : m.altText();
        List<SocialImage> images = new ArrayList<>();
        for (MediaItem.Ratio ratio : List.of(MediaItem.Ratio.SIXTEEN_NINE, MediaItem.Ratio.FOUR_THREE, MediaItem.Ratio.SQUARE)) {
            MediaItem.Crop crop = m.crop(ratio, 1200);
            images.add(new SocialImage(crop.src(), crop.width(), crop.height(), alt.isEmpty() ? a.headline() : alt));
        }
        return List.copyOf(images);
    }

    private List<StoryCard> cards(List<ArticleRepository.CardRow> rows) {
        Settings site = settings.current();
        Set<Long> mediaIds = new HashSet<>();
        rows.forEach(r -> {
            if (r.featuredMediaId() != null) {
                mediaIds.add(r.featuredMediaId());
            }
        });
        Map<Long, MediaItem> photos = media.findAll(mediaIds);
        Discussion comments = discussion.get();
        Map<Long, Long> counts = comments == null || rows.isEmpty() ? Map.of() : comments.counts(rows.stream().map(ArticleRepository.CardRow::id).toList());
        List<StoryCard> cards = new ArrayList<>(rows.size());
        for (var r : rows) {
            MediaItem photo = r.featuredMediaId() == null ? null : photos.get(r.featuredMediaId());
            cards.add(new StoryCard(r.id(), "/articles/" + r.slug(), r.headline(), r.standfirst(),
                    Dateline.of(r.publishedAt(), site.zone(), site.locale()),
                    r.sectionId() == null ? null : navigation.section(r.sectionId()),
                    photo == null ? null : cardFigure(photo, r.featuredAlt()), counts.getOrDefault(r.id(), 0L)));
        }
        return cards;
    }

    /** The article's own caption, credit and alt text win; the library's are the fallback. */
    static Figure figure(MediaItem m, int width, String alt, String caption, String credit) {
        MediaItem.Variant v = m.variantFor(width);
        return new Figure(m.url(v), m.srcset(), v.width(), v.height(), alt.isEmpty() ? m.altText() : alt,
                caption.isEmpty() ? m.caption() : caption, credit.isEmpty() ? m.credit().line() : credit, m.webpSrcset());
    }

    /** Cards show every photo cut to 16:9 (the card design's shape) around its focal point, so nothing important is cropped away. */
    static Figure cardFigure(MediaItem m, String alt) {
        MediaItem.Crop crop = m.crop(MediaItem.Ratio.SIXTEEN_NINE, 1200);
        return new Figure(m.crop(MediaItem.Ratio.SIXTEEN_NINE, CARD_WIDTH).src(), crop.srcset(), crop.width(), crop.height(),
                alt.isEmpty() ? m.altText() : alt, "", "", crop.webpSrcset());
    }
}
