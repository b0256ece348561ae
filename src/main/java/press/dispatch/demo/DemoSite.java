package press.dispatch.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Author;
import press.dispatch.articles.Newsdesk;
import press.dispatch.articles.Publishing;
import press.dispatch.articles.Section;
import press.dispatch.media.Credit;
import press.dispatch.media.MediaDetails;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.pages.PageDraft;
import press.dispatch.pages.StaticPages;
import press.dispatch.platform.Dialect;
import press.dispatch.platform.DispatchProperties;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

/**
 * Loads the demo site into an empty database on first start (never twice: a marker is saved in the same
 * transaction as the content), and tops the site up with generated filler articles when
 * {@code DISPATCH_SEED_ARTICLES} asks for more articles than there are.
 * <p>
 * Runs as the first phase of the context's start, before the web server opens its port, so no reader ever sees
 * the site half-loaded (or an empty home page), and a stop signal during the load waits for it to finish instead of
 * breaking it off.
 */
@Component
class DemoSite implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);
    private static final int FILLER_BATCH = 500;

    private final DispatchProperties properties;
    private final Dialect dialect;
    private final SiteSettings settings;
    private final Newsdesk newsdesk;
    private final Publishing publishing;
    private final MediaLibrary media;
    private final StaticPages pages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean running;

    DemoSite(DispatchProperties properties, Dialect dialect, SiteSettings settings, Newsdesk newsdesk, Publishing publishing, MediaLibrary media,
             StaticPages pages, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.dialect = dialect;
        this.settings = settings;
        this.newsdesk = newsdesk;
        this.publishing = publishing;
        this.media = media;
        this.pages = pages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Before the web server, which starts in a later phase. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void start() {
        seed();
        running = true;
    }

    private void seed() {
        boolean demo = properties.demo() != null ? properties.demo() : dialect == Dialect.SQLITE;
        if (demo && !settings.demoLoaded() && publishing.countAll() == 0) {
            load();
        }
        int wanted = properties.seed().articles();
        long have = publishing.countAll();
        if (wanted > have) {
            addFiller((int) (wanted - have));
        }
    }

    void load() {
        long started = System.nanoTime();
        List<DemoStory> all = new ArrayList<>(DemoContent.STORIES);
        all.add(DemoContent.REFERENCE);
        transactions.executeWithoutResult(tx -> {
            settings.update(Map.of(Setting.NAME.key(), DemoContent.NAME, Setting.TAGLINE.key(), DemoContent.TAGLINE,
                    Setting.DESCRIPTION.key(), "Fictional defence news and military pictures: the demo site of Dispatch."));
            Map<String, Section> sections = new HashMap<>();
            DemoContent.SECTIONS.forEach(s -> sections.put(s.name(), newsdesk.createSection(s.name(), s.description())));
            Map<String, Author> authors = new HashMap<>();
            DemoContent.AUTHORS.forEach(a -> authors.put(a.name(), newsdesk.createAuthor(a.name(), a.bio())));
            Instant now = clock.instant();
            for (DemoStory story : all) {
                MediaItem photo = media.ingest(DemoPhotos.paint(story.scene()), Slug.of(story.headline()) + ".jpg",
                        new MediaDetails(story.caption(), story.alt(), new Credit(story.photographer(), story.organisation(), "Demo image")));
                List<String> tags = new ArrayList<>(story.tags());
                tags.add("Demo");
                long id = publishing.draft(ArticleDraft.of(story.headline(), story.standfirst(), story.body() + DemoContent.DEMO_NOTE)
                        .withSection(sections.get(story.section()).id())
                        .withAuthors(List.of(authors.get(story.author()).id()))
                        .withTags(tags)
                        .withFeaturedPhoto(photo.id(), "", "", ""));
                publishing.publishAt(id, now.minus(Duration.ofHours(story.hoursAgo())));
            }
            pages.publish(pages.create(null, new PageDraft(DemoPages.ABOUT_TITLE, "about", DemoPages.ABOUT)));
            pages.publish(pages.create(null, new PageDraft(DemoPages.PRIVACY_TITLE, "privacy", DemoPages.PRIVACY)));
            settings.markDemoLoaded();
        });
        log.info("Loaded the demo site '{}' with {} articles in {} ms", DemoContent.NAME, all.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Generated articles, older than everything else, sharing a few photos; for benchmarks and pagination. */
    void addFiller(int count) {
        long started = System.nanoTime();
        List<Section> sections = newsdesk.sections();
        if (sections.isEmpty()) {
            sections = transactions.execute(tx -> DemoContent.SECTIONS.stream().map(s -> newsdesk.createSection(s.name(), s.description())).toList());
        }
        List<Section> sectionList = sections;
        Author author = transactions.execute(tx -> newsdesk.createAuthor("Filler Desk", "Generated articles for benchmarks. (Fictional.)"));
        List<MediaItem> photos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DemoStory model = DemoContent.STORIES.get(i);
            photos.add(media.ingest(DemoPhotos.paint(model.scene()), "filler-" + i + ".jpg",
                    new MediaDetails(model.caption(), model.alt(), new Credit(model.photographer(), model.organisation(), "Demo image"))));
        }
        Instant oldest = clock.instant().minus(Duration.ofDays(30));
        for (int done = 0; done < count; done += FILLER_BATCH) {
            int from = done;
            int to = Math.min(count, done + FILLER_BATCH);
            transactions.executeWithoutResult(tx -> {
                for (int n = from; n < to; n++) {
                    Section section = sectionList.get(n % sectionList.size());
                    MediaItem photo = photos.get(n % photos.size());
                    long id = publishing.draft(ArticleDraft.of(Filler.headline(n), Filler.standfirst(n), Filler.body(n))
                            .withSection(section.id())
                            .withAuthors(List.of(author.id()))
                            .withTags(List.of("Filler", Filler.topic(n)))
                            .withFeaturedPhoto(photo.id(), "", "", ""));
                    publishing.publishAt(id, oldest.minus(Duration.ofMinutes(7L * n)));
                }
            });
        }
        log.info("Added {} filler articles in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    /** File names for drawn photos. */
    static final class Slug {
        private Slug() {
        }

        static String of(String headline) {
            return headline.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }
}
