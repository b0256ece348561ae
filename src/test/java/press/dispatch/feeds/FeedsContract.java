package press.dispatch.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Author;
import press.dispatch.articles.Section;
import press.dispatch.articles.Stories;
import press.dispatch.comments.CommentForm;
import press.dispatch.comments.Moderation;
import press.dispatch.media.MediaItem;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a feed reader, a search engine and a syndication partner get; run against SQLite and PostgreSQL by the subclasses. */
@TestPropertySource(properties = "dispatch.sitemaps.page-size=3")
abstract class FeedsContract extends NewsroomTest {

    @Autowired
    SiteSettings settings;

    @Autowired
    Stories stories;

    @Autowired
    Moderation moderation;

    @Autowired
    Sitemaps sitemaps;

    @Autowired
    NewsWindow newsWindow;

    @AfterEach
    void defaultSettings() {
        settings.update(Map.of(Setting.FEED_CONTENT.key(), "full", Setting.FEED_PARTNER_SECRET.key(), "",
                Setting.ROBOTS_TXT.key(), Setting.ROBOTS_TXT.defaultValue()));
    }

    /** A story with a section, two authors, two tags and a credited photo, whose body links inside the site. */
    long richStory(Section section, Author author, Author second, String headline) {
        MediaItem photo = photo("Smoke over the ridge.");
        long id = publishing.draft(ArticleDraft.of(headline, "Officials confirm strikes.",
                        "First paragraph with [a link](/sections/" + section.slug() + ").\n\nSecond paragraph.")
                .withSection(section.id())
                .withAuthors(List.of(author.id(), second.id()))
                .withTags(List.of("Ceasefire", "Air strikes"))
                .withFeaturedPhoto(photo.id(), "", "", ""));
        publishing.publish(id);
        return id;
    }

    String base() {
        return settings.current().baseUrl();
    }

    String body(String path) {
        Browser.Response response = browser.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void everyFeedAddressAnswersWithAValidRssOrAtomFeed() throws Exception {
        Section section = section("Land");
        Author author = author("Mara Vell");
        String headline = unique("Depots struck");
        long id = richStory(section, author, author("Aziz Okafor"), headline);
        approvedComment(id, "Reader One", "reader.one@mail.example", "A fair report.");
        String slug = slugOf(id);

        for (String path : List.of("/feed", "/rss", "/rss.xml", "/feed/rss", "/sections/" + section.slug() + "/feed", "/tags/ceasefire/feed",
                "/authors/" + author.slug() + "/feed", "/comments/feed", "/articles/" + slug + "/feed")) {
            Browser.Response response = browser.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/rss+xml");
            Channel channel = FeedRules.rss(response.body());
            assertThat(channel.getItems()).as(path).isNotEmpty();
        }
        for (String path : List.of("/atom.xml", "/feed/atom", "/sections/" + section.slug() + "/feed/atom", "/tags/ceasefire/feed/atom",
                "/authors/" + author.slug() + "/feed/atom", "/comments/feed/atom", "/articles/" + slug + "/feed/atom")) {
            Browser.Response response = browser.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/atom+xml");
            Feed feed = FeedRules.atom(response.body());
            assertThat(feed.getEntries()).as(path).isNotEmpty();
        }
        assertThat(FeedRules.rss(body("/sections/" + section.slug() + "/feed")).getItems().get(0).getTitle()).isEqualTo(headline);
        assertThat(FeedRules.rss(body("/authors/" + author.slug() + "/feed")).getItems().get(0).getTitle()).isEqualTo(headline);
    }

    @Test
    void aStoryInAFeedCarriesItsPhotoWithCaptionAndCreditItsBylineByNameItsCategoriesAndItsWholeText() {
        Section section = section("Air");
        Author author = author("Mara Vell");
        Author second = author("Aziz Okafor");
        String headline = unique("Strikes hit depots");
        long id = richStory(section, author, second, headline);
        String link = base() + "/articles/" + slugOf(id);

        String rssXml = body("/sections/" + section.slug() + "/feed");
        Item item = FeedRules.rss(rssXml).getItems().get(0);
        assertThat(item.getLink()).isEqualTo(link);
        assertThat(item.getCategories()).extracting(c -> c.getValue()).containsExactlyInAnyOrder(section.name(), "Ceasefire", "Air strikes");
        assertThat(item.getEnclosures()).hasSize(1);
        assertThat(item.getEnclosures().get(0).getType()).isEqualTo("image/jpeg");
        assertThat(item.getEnclosures().get(0).getUrl()).startsWith(base() + "/media/");
        Document rss = Jsoup.parse(rssXml, "", Parser.xmlParser());
        assertThat(rss.select("item > dc|creator").text()).isEqualTo(author.displayName() + ", " + second.displayName());
        assertThat(rss.select("item > media|content").attr("url")).startsWith(base() + "/media/");
        assertThat(rss.select("item > media|content").attr("medium")).isEqualTo("image");
        assertThat(rss.select("item > media|content media|description").text()).isEqualTo("Smoke over the ridge.");
        assertThat(rss.select("item > media|content media|credit").text()).isEqualTo("Photo: Ana Ruiz / Test Agency (CC BY 4.0)");
        Document content = Jsoup.parse(rss.select("item > content|encoded").text());
        assertThat(content.text()).contains("First paragraph").contains("Second paragraph");
        assertThat(content.select("a").attr("href")).isEqualTo(base() + "/sections/" + section.slug());
        assertThat(Jsoup.parseBodyFragment(rss.select("item > description").text()).select("p").eachText()).containsExactly("Officials confirm strikes.");

        String atomXml = body("/sections/" + section.slug() + "/feed/atom");
        Feed atom = FeedRules.atom(atomXml);
        var entry = atom.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo(headline);
        assertThat(entry.getAuthors()).extracting(p -> p.getName()).containsExactly(author.displayName(), second.displayName());
        assertThat(entry.getCategories()).extracting(c -> c.getTerm()).containsExactlyInAnyOrder(section.name(), "Ceasefire", "Air strikes");
        assertThat(entry.getOtherLinks()).extracting(l -> l.getRel()).contains("enclosure");
        assertThat(entry.getContents().get(0).getValue()).contains("Second paragraph");
        assertThat(entry.getUpdated()).isEqualTo(java.util.Date.from(publishing.get(id).updatedAt()));
    }

    @Test
    void theExcerptSettingLeavesTheBodyOutOfFeeds() {
        Section section = section("Sea");
        long id = richStory(section, author("Mara Vell"), author("Aziz Okafor"), unique("Frigate sails"));
        settings.update(Map.of(Setting.FEED_CONTENT.key(), "excerpt"));

        String xml = body("/sections/" + section.slug() + "/feed");
        Item item = FeedRules.rss(xml).getItems().get(0);
        assertThat(item.getLink()).endsWith(slugOf(id));
        assertThat(item.getDescription().getValue()).isEqualTo("<p>Officials confirm strikes.</p>");
        assertThat(xml).doesNotContain("content:encoded").doesNotContain("Second paragraph");
        assertThat(FeedRules.atom(body("/sections/" + section.slug() + "/feed/atom")).getEntries().get(0).getContents()).isEmpty();
    }

    @Test
    void aCommentersEmailNeverAppearsInAFeedButTheirNameAndWordsDo() throws Exception {
        long id = publishedArticle(unique("Commented story"), section("Comments"));
        String email = "private.reader@mail.example";
        approvedComment(id, "Private Reader", email, "Words worth reading.");

        for (String path : List.of("/comments/feed", "/comments/feed/atom", "/articles/" + slugOf(id) + "/feed",
                "/articles/" + slugOf(id) + "/feed/atom")) {
            String xml = body(path);
            assertThat(xml).as(path).doesNotContain(email).doesNotContain("private.reader").contains("Private Reader").contains("Words worth reading.");
        }
        Item item = FeedRules.rss(body("/articles/" + slugOf(id) + "/feed")).getItems().get(0);
        assertThat(item.getLink()).startsWith(base() + "/articles/" + slugOf(id) + "#comment-");
    }

    @Test
    void pagesAnnounceTheSiteFeedAndTheirOwnFeed() {
        Section section = section("Cyber");
        Author author = author("Mara Vell");
        long id = publishing.draft(ArticleDraft.of(unique("Networks down"), "Standfirst.", "Body.").withSection(section.id())
                .withAuthors(List.of(author.id())).withTags(List.of("Outages")));
        publishing.publish(id);

        Map<String, String> pages = Map.of("/sections/" + section.slug(), "/sections/" + section.slug() + "/feed",
                "/tags/outages", "/tags/outages/feed", "/authors/" + author.slug(), "/authors/" + author.slug() + "/feed",
                "/articles/" + slugOf(id), "/articles/" + slugOf(id) + "/feed");
        pages.forEach((page, feed) -> {
            Document html = browser.get(page).page();
            assertThat(html.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href")).as(page).contains("/feed", feed);
            assertThat(html.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href")).as(page).contains("/feed/atom", feed + "/atom");
            assertThat(browser.get(feed).status()).as(feed).isEqualTo(200);
        });
        Document front = browser.get("/").page();
        assertThat(front.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href")).containsExactly("/feed");
    }

    @Test
    void feedsComeFromThePageCacheAnswerConditionalRequestsAndArePurgedWhenAStoryInThemChanges() {
        Section section = section("Space");
        long first = publishedArticle(unique("Satellite launched"), section);
        String path = "/sections/" + section.slug() + "/feed";
        Browser.Response fresh = browser.get(path);
        String etag = fresh.header("ETag");
        String lastModified = fresh.header("Last-Modified");
        assertThat(etag).isNotBlank();
        // IMF-fixdate (RFC 9110 5.6.7): a two-digit day even on the 1st to the 9th of a month
        assertThat(lastModified).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");

        assertThat(browser.get(path, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(browser.get(path, "If-Modified-Since", lastModified).status()).isEqualTo(304);
        assertThat(browser.get(path, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").status()).isEqualTo(200);

        // A change made behind the application's back is not seen: the feed is the stored one.
        jdbc.sql("UPDATE articles SET headline = 'Changed underneath' WHERE id = :id").param("id", first).update();
        assertThat(body(path)).doesNotContain("Changed underneath");
        // A story published into the section purges the section's feed, like the section's page.
        String second = unique("Second launch");
        publishedArticle(second, section);
        String after = body(path);
        assertThat(after).contains(second).contains("Changed underneath");
        assertThat(browser.get(path, "If-None-Match", etag).status()).isEqualTo(200);
    }

    @Test
    void thePartnerFeedAnswersOnlyAtItsCurrentSecretWithTheWholeTextAndCanBeRotatedAndRevoked() {
        long id = publishedArticle(unique("Partner story"), section("Partners"));
        settings.update(Map.of(Setting.FEED_CONTENT.key(), "excerpt"));
        assertThat(browser.get("/feeds/partner/anything-at-all-that-is-long").status()).isEqualTo(404);

        AdminSession owner = owner();
        assertThat(owner.post("/admin/settings/partner-feed", Map.of("action", "rotate")).status()).isEqualTo(302);
        String secret = settings.current().get(Setting.FEED_PARTNER_SECRET);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(24);
        assertThat(owner.get("/admin/settings").body()).contains("/feeds/partner/" + secret);

        String xml = body("/feeds/partner/" + secret);
        Channel channel = FeedRules.rss(xml);
        assertThat(channel.getItems()).extracting(Item::getLink).contains(base() + "/articles/" + slugOf(id));
        assertThat(xml).as("whole text although the site's feeds are excerpts").contains("content:encoded").contains("Second paragraph");
        FeedRules.atom(body("/feeds/partner/" + secret + "/atom"));
        assertThat(browser.get("/feeds/partner/" + secret.substring(1) + "x").status()).isEqualTo(404);

        owner.post("/admin/settings/partner-feed", Map.of("action", "rotate"));
        String rotated = settings.current().get(Setting.FEED_PARTNER_SECRET);
        assertThat(rotated).isNotEqualTo(secret);
        assertThat(browser.get("/feeds/partner/" + secret).status()).as("the old address is dead at once").isEqualTo(404);
        assertThat(browser.get("/feeds/partner/" + rotated).status()).isEqualTo(200);

        owner.post("/admin/settings/partner-feed", Map.of("action", "revoke"));
        assertThat(browser.get("/feeds/partner/" + rotated).status()).isEqualTo(404);
        assertThat(owner.postWithoutCsrf("/admin/settings/partner-feed", Map.of("action", "rotate")).status()).isEqualTo(403);
        assertThat(settings.current().get(Setting.FEED_PARTNER_SECRET)).isEmpty();
    }

    @Test
    void robotsTxtPointsAtTheSitemapIndexKeepsTheAdminOutAndIsEditable() {
        Browser.Response robots = browser.get("/robots.txt");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        assertThat(robots.body()).contains("User-agent: *").contains("Disallow: /admin").contains("Disallow: /api")
                .contains("Sitemap: " + base() + "/sitemap.xml");
        assertThat(robots.body()).as("the index lists the news sitemap on the days it has stories; on others it is a 404")
                .doesNotContain("sitemap-news.xml");

        AdminSession owner = owner();
        Map<String, String> form = new java.util.HashMap<>();
        for (Setting s : Setting.values()) {
            form.put(s.key(), settings.current().get(s));
        }
        form.put(Setting.ROBOTS_TXT.key(), "User-agent: *\r\nDisallow: /private\r\nSitemap: {base}/sitemap.xml");
        assertThat(owner.post("/admin/settings", form).status()).isEqualTo(302);
        assertThat(body("/robots.txt")).isEqualTo("User-agent: *\nDisallow: /private\nSitemap: " + base() + "/sitemap.xml\n");
    }

    @Test
    void theSitemapIndexListsValidPagedSitemapsOfEveryPublicAddressWithPhotosAndNoDrafts() {
        Section section = section("Maps");
        Author author = author("Mara Vell");
        long withPhoto = richStory(section, author, author("Aziz Okafor"), unique("Mapped story"));
        List<Long> published = new ArrayList<>(List.of(withPhoto));
        for (int i = 0; i < 4; i++) {
            published.add(publishedArticle(unique("Mapped " + i), section));
        }
        long draft = publishing.draft(ArticleDraft.of(unique("Draft not mapped"), "S.", "B."));

        Browser.Response index = browser.get("/sitemap.xml");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("application/xml");
        SitemapSchemas.validIndex(index.bytes());
        List<String> sitemaps = Jsoup.parse(index.body(), "", Parser.xmlParser()).select("sitemap > loc").eachText();
        assertThat(sitemaps).contains(base() + "/sitemaps/articles-1.xml", base() + "/sitemaps/articles-2.xml",
                base() + "/sitemaps/sections-1.xml", base() + "/sitemaps/tags-1.xml", base() + "/sitemaps/authors-1.xml",
                base() + "/sitemap-news.xml");

        List<String> urls = new ArrayList<>();
        String photoUrl = null;
        for (String sitemap : sitemaps) {
            String path = sitemap.substring(base().length());
            Browser.Response page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            SitemapSchemas.validUrlSet(page.bytes());
            Document xml = Jsoup.parse(page.body(), "", Parser.xmlParser());
            if (path.startsWith("/sitemaps/")) {
                assertThat(xml.select("url")).as(path + " holds at most the page size").hasSizeBetween(1, 3);
                xml.select("url").forEach(url -> {
                    assertThat(url.selectFirst("loc").text()).startsWith(base() + "/");
                    assertThat(url.select("lastmod").eachText()).allSatisfy(t -> Instant.parse(t));
                });
                urls.addAll(xml.select("url > loc").eachText());
                var image = xml.select("url:has(loc:containsOwn(" + slugOf(withPhoto) + ")) image|image image|loc");
                if (!image.isEmpty()) {
                    photoUrl = image.text();
                }
            }
        }
        for (long id : published) {
            assertThat(urls).as("each story exactly once").containsOnlyOnce(base() + "/articles/" + slugOf(id));
        }
        assertThat(urls).noneMatch(u -> u.endsWith(slugOf(draft)));
        assertThat(urls).contains(base() + "/", base() + "/sections/" + section.slug(), base() + "/tags/ceasefire", base() + "/authors/" + author.slug());
        assertThat(photoUrl).startsWith(base() + "/media/");
        assertThat(browser.get("/sitemaps/articles-999.xml").status()).isEqualTo(404);
        assertThat(browser.get("/sitemaps/nothing-1.xml").status()).isEqualTo(404);
        assertThat(browser.get("/sitemaps/articles-0.xml").status()).isEqualTo(404);
    }

    @Test
    void aSitemapWithNoAddressIsNotFoundAndTheIndexLeavesItOut() {
        // No gallery in this suite: the galleries source has nothing to list.
        assertThat(browser.get("/sitemaps/galleries-1.xml").status()).as("a <urlset> without a <url> is not a valid sitemap").isEqualTo(404);
        long older = publishedArticle(unique("A story a day older"), section("Quiet"));
        clock.advance(Duration.ofHours(24));
        long last = publishedArticle(unique("Last story before a quiet spell"), section("Quiet"));
        newsWindow.check();
        assertThat(body("/sitemap-news.xml")).as("cached now").contains(slugOf(older)).contains(slugOf(last));
        assertThat(Jsoup.parse(body("/sitemap.xml"), "", Parser.xmlParser()).select("sitemap > loc").eachText())
                .as("the index, cached now, lists the news sitemap while a story is recent").contains(base() + "/sitemap-news.xml");

        // A story leaves the window and nothing changed: the regular check purges the cached news sitemap and index.
        clock.advance(Duration.ofHours(25));
        newsWindow.check();
        assertThat(body("/sitemap-news.xml")).doesNotContain(slugOf(older)).contains(slugOf(last));
        clock.advance(Sitemaps.NEWS_WINDOW);
        newsWindow.check();

        assertThat(browser.get("/sitemap-news.xml").status()).as("no story in the last 48 hours").isEqualTo(404);
        Browser.Response index = browser.get("/sitemap.xml");
        SitemapSchemas.validIndex(index.bytes());
        List<String> listed = Jsoup.parse(index.body(), "", Parser.xmlParser()).select("sitemap > loc").eachText();
        assertThat(listed).doesNotContain(base() + "/sitemap-news.xml").noneMatch(loc -> loc.contains("/sitemaps/galleries-"));
        for (String loc : listed) {
            Browser.Response page = browser.get(loc.substring(base().length()));
            assertThat(page.status()).as(loc).isEqualTo(200);
            SitemapSchemas.validUrlSet(page.bytes());
        }

        long fresh = publishedArticle(unique("The quiet spell ends"), section("Quiet"));
        Browser.Response news = browser.get("/sitemap-news.xml");
        assertThat(news.status()).isEqualTo(200);
        SitemapSchemas.validUrlSet(news.bytes());
        assertThat(Jsoup.parse(news.body(), "", Parser.xmlParser()).select("url > loc").eachText()).containsExactly(base() + "/articles/" + slugOf(fresh));
        assertThat(Jsoup.parse(body("/sitemap.xml"), "", Parser.xmlParser()).select("sitemap > loc").eachText()).contains(base() + "/sitemap-news.xml");
    }

    @Test
    void theNewsSitemapListsStoriesOfTheLast48HoursWithPublicationLanguageDateAndTitle() {
        String old = unique("Yesterday's news");
        long oldId = publishedArticle(old, section("News"));
        clock.advance(Duration.ofHours(47));
        String recent = unique("Today's news");
        long recentId = publishedArticle(recent, section("News"));
        clock.advance(Duration.ofHours(2));

        Browser.Response news = browser.get("/sitemap-news.xml");
        SitemapSchemas.validUrlSet(news.bytes());
        Document xml = Jsoup.parse(news.body(), "", Parser.xmlParser());
        assertThat(xml.select("url > loc").eachText()).contains(base() + "/articles/" + slugOf(recentId))
                .doesNotContain(base() + "/articles/" + slugOf(oldId));
        var entry = xml.select("url:has(loc:containsOwn(" + slugOf(recentId) + ")) news|news").first();
        assertThat(entry.select("news|publication news|name").text()).isEqualTo(settings.current().name());
        assertThat(entry.select("news|publication news|language").text()).isEqualTo("en");
        assertThat(entry.select("news|title").text()).isEqualTo(recent);
        assertThat(java.time.OffsetDateTime.parse(entry.select("news|publication_date").text()).toInstant())
                .isEqualTo(publishing.get(recentId).publishedAt());
        assertThat(new String(news.bytes(), StandardCharsets.UTF_8)).doesNotContain(old);
    }

    @Test
    void markupInAHeadlineOrTagStaysTextInFeedsAndSitemaps() {
        Section section = section("<b>Sec</b>");
        String headline = unique("<script>alert('x')</script> & \"quoted\" ]]>");
        long id = publishing.draft(ArticleDraft.of(headline, "<img src=x onerror=alert(1)>", "Body & more.")
                .withSection(section.id()).withTags(List.of("<i>tag</i>")));
        publishing.publish(id);

        Item item = FeedRules.rss(body("/sections/" + section.slug() + "/feed")).getItems().get(0);
        assertThat(item.getTitle()).isEqualTo(headline);
        assertThat(item.getCategories()).extracting(c -> c.getValue()).contains("<i>tag</i>", section.name());
        assertThat(FeedRules.atom(body("/tags/i-tag-i/feed/atom")).getEntries().get(0).getTitle()).isEqualTo(headline);
        Browser.Response news = browser.get("/sitemap-news.xml");
        SitemapSchemas.validUrlSet(news.bytes());
        assertThat(Jsoup.parse(news.body(), "", Parser.xmlParser()).select("news|title").eachText()).contains(headline);
    }

    @Test
    void everyAddressInAFeedEntrysTextIsAbsoluteIncludingEachSizeOfABodyPhotoAndItsWebpSource() {
        Section section = section("Absolute");
        MediaItem photo = photo("Convoy at dusk");
        long id = publishing.draft(ArticleDraft.of(unique("Convoy"), "S.", "Intro with [a link](/sections/" + section.slug() + ").\n\n"
                + "![Trucks on the road](photo:" + photo.id() + ")\n\nA line with ![inline](photo:" + photo.id() + ") in it.")
                .withSection(section.id()));
        publishing.publish(id);

        for (String path : List.of("/sections/" + section.slug() + "/feed", "/sections/" + section.slug() + "/feed/atom")) {
            String xml = body(path);
            String html = path.endsWith("atom") ? FeedRules.atom(xml).getEntries().get(0).getContents().get(0).getValue()
                    : Jsoup.parse(xml, "", Parser.xmlParser()).select("item > content|encoded").text();
            Document content = Jsoup.parse(html);
            assertThat(content.select("figure picture source[type=image/webp]")).as(html).hasSize(1);
            List<String> addresses = new ArrayList<>();
            content.select("[href]").forEach(e -> addresses.add(e.attr("href")));
            content.select("[src]").forEach(e -> addresses.add(e.attr("src")));
            content.select("[srcset]").forEach(e -> java.util.Arrays.stream(e.attr("srcset").split(","))
                    .forEach(candidate -> addresses.add(candidate.strip().split("\\s+")[0])));
            assertThat(addresses).as(html).hasSizeGreaterThan(10)
                    .allSatisfy(a -> assertThat(a).as(path).startsWith(base() + "/"));
            assertThat(addresses).anyMatch(a -> a.endsWith(".webp")).anyMatch(a -> a.endsWith(".jpg"));
        }
    }

    @Test
    void aSitemapEntryListsAtMostTheThousandPhotosGoogleReadsAndStaysValid() throws Exception {
        List<String> photos = new ArrayList<>();
        for (int i = 1; i <= 1_001; i++) {
            photos.add("/media/p" + i + "/1600.jpg");
        }
        SitemapSource many = new SitemapSource() {
            public String name() {
                return "many";
            }

            public int position() {
                return 99;
            }

            public long count() {
                return 1;
            }

            public void forEach(long offset, int limit, java.util.function.Consumer<SitemapEntry> each) {
                each.accept(new SitemapEntry("/galleries/many", Instant.parse("2026-11-30T12:00:00Z"), photos));
            }
        };
        var out = new java.io.ByteArrayOutputStream();
        sitemaps.writePage(new Sitemaps.Page(many, 1), out);

        SitemapSchemas.validUrlSet(out.toByteArray());
        Document xml = Jsoup.parse(out.toString(StandardCharsets.UTF_8), "", Parser.xmlParser());
        List<String> listed = xml.select("url image|image image|loc").eachText();
        assertThat(listed).hasSize(1_000).first().isEqualTo(base() + "/media/p1/1600.jpg");
        assertThat(listed).last().isEqualTo(base() + "/media/p1000/1600.jpg");
    }

    @Test
    void feedsWithNothingInThemYetAreStillValid() {
        long id = publishedArticle(unique("Nobody commented"), section("Quiet"));
        String slug = slugOf(id);
        Feed atom = FeedRules.atom(body("/articles/" + slug + "/feed/atom"));
        assertThat(atom.getEntries()).isEmpty();
        var article = publishing.get(id);
        Instant changed = article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt() : article.publishedAt();
        assertThat(atom.getUpdated()).as("the story's own time").isEqualTo(java.util.Date.from(changed));
        assertThat(FeedRules.rss(body("/articles/" + slug + "/feed")).getItems()).isEmpty();
    }

    @Test
    void anItemKeepsItsIdentityInFeedReadersWhenItsSlugAndHeadlineChange() {
        Section section = section("Renamed");
        long id = publishedArticle(unique("First headline"), section);
        approvedComment(id, "Reader Two", "reader.two@mail.example", "Noted.");
        String feed = "/sections/" + section.slug() + "/feed";
        String guid = FeedRules.rss(body(feed)).getItems().get(0).getGuid().getValue();
        String atomId = FeedRules.atom(body(feed + "/atom")).getEntries().get(0).getId();
        String commentGuid = FeedRules.rss(body("/articles/" + slugOf(id) + "/feed")).getItems().get(0).getGuid().getValue();
        String host = java.net.URI.create(base()).getHost();
        assertThat(guid).isEqualTo(atomId).matches("tag:" + java.util.regex.Pattern.quote(host) + ",[0-9]{4}-[0-9]{2}-[0-9]{2}:article/" + id);
        assertThat(commentGuid).startsWith("tag:" + host + ",").contains(":comment/");

        var before = publishing.get(id);
        String newSlug = "renamed-" + id;
        publishing.revise(id, new press.dispatch.articles.ArticleDraft(unique("Second headline"), newSlug, before.standfirst(), before.bodyMarkdown(),
                before.sectionId(), before.authorIds(), List.of(), before.featuredMediaId(), before.featuredCaption(), before.featuredCredit(),
                before.featuredAlt(), before.webOnly(), before.commentsOpen()));

        Item item = FeedRules.rss(body(feed)).getItems().get(0);
        assertThat(item.getLink()).isEqualTo(base() + "/articles/" + newSlug);
        assertThat(item.getGuid().getValue()).isEqualTo(guid);
        assertThat(item.getGuid().isPermaLink()).isFalse();
        assertThat(FeedRules.atom(body(feed + "/atom")).getEntries().get(0).getId()).isEqualTo(atomId);
        assertThat(FeedRules.rss(body("/articles/" + newSlug + "/feed")).getItems().get(0).getGuid().getValue()).isEqualTo(commentGuid);
    }

    @Test
    void plainTextReachesRssReadersAsTheTextReadersSawNotAsMarkup() {
        String standfirst = "Crews search <b>through</b> the night & into the <img src=x> morning.";
        long id = publishing.draft(ArticleDraft.of(unique("Escaped standfirst"), standfirst, "Body.").withSection(section("Escapes").id()));
        publishing.publish(id);
        String comment = "Great <b>piece</b> & \"thanks\"\n\n<script>alert(1)</script> second part";
        approvedComment(id, "Reader Three", "reader.three@mail.example", comment);

        // An RSS reader renders a description as HTML: what it shows must be the text itself, in paragraphs.
        Item story = FeedRules.rss(body("/feed")).getItems().stream().filter(i -> i.getLink().endsWith(slugOf(id))).findFirst().orElseThrow();
        Document shown = Jsoup.parseBodyFragment(story.getDescription().getValue());
        assertThat(shown.select("b, img, script")).isEmpty();
        assertThat(shown.text()).isEqualTo(standfirst);
        Item said = FeedRules.rss(body("/articles/" + slugOf(id) + "/feed")).getItems().get(0);
        Document commentShown = Jsoup.parseBodyFragment(said.getDescription().getValue());
        assertThat(commentShown.select("b, script")).isEmpty();
        assertThat(commentShown.select("p").eachText()).containsExactly("Great <b>piece</b> & \"thanks\"", "<script>alert(1)</script> second part");
        // Atom says it is text, and keeps it as it is.
        var entry = FeedRules.atom(body("/articles/" + slugOf(id) + "/feed/atom")).getEntries().get(0);
        assertThat(entry.getSummary().getType()).isEqualTo("text");
        assertThat(entry.getSummary().getValue()).isEqualTo(comment);
    }

    @Test
    void unknownFeedsAreNotFound() {
        for (String path : List.of("/sections/no-such/feed", "/tags/no-such/feed/atom", "/authors/nobody/feed", "/articles/no-such/feed",
                "/feeds/partner/x")) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
        }
    }

    void approvedComment(long articleId, String name, String email, String text) {
        var story = stories.findById(articleId).orElseThrow();
        String token = moderation.formToken(articleId);
        clock.advance(Duration.ofSeconds(30));
        long id = moderation.submit(story, new CommentForm(text, name, email, "", false, false, null, token, ""), "192.0.2.1").commentId();
        moderation.approve(story, id);
    }
}
