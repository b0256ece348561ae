package press.dispatch.metadata;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Author;
import press.dispatch.articles.Section;
import press.dispatch.media.MediaItem;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How every public page describes itself to search engines and sharing cards, run against SQLite and PostgreSQL
 * by the subclasses. Structured data is parsed as JSON and checked against what Google documents for articles.
 */
abstract class MetadataContract extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SiteSettings settings;

    @Autowired
    press.dispatch.galleries.Galleries galleries;

    private String base() {
        return settings.current().baseUrl();
    }

    private record Published(long id, String headline, Section section, Author author, MediaItem photo) {
    }

    private Published fullArticle(String headline) {
        Section section = section("Land");
        Author author = author("Mara Vell");
        MediaItem photo = photo("Smoke over the ridge.");
        long id = publishing.draft(ArticleDraft.of(headline, "Officials confirm overnight strikes.", "First paragraph.\n\nSecond paragraph.")
                .withSection(section.id())
                .withAuthors(List.of(author.id()))
                .withTags(List.of("Ceasefire", "Air strikes"))
                .withFeaturedPhoto(photo.id(), "", "", ""));
        publishing.publish(id);
        return new Published(id, headline, section, author, photo);
    }

    private static List<JsonNode> jsonLd(Document page) {
        List<JsonNode> documents = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            documents.add(JSON.readTree(script.data()));
        }
        return documents;
    }

    private static JsonNode ofType(Document page, String type) {
        return jsonLd(page).stream().filter(d -> d.path("@type").asString().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("No JSON-LD " + type + " in " + page.head()));
    }

    private static String meta(Document page, String property) {
        Element tag = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        assertThat(tag).as("meta " + property).isNotNull();
        return tag.attr("content");
    }

    private static void assertIsoWithOffset(String text) {
        OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(parsed).isNotNull();
        assertThat(text).matches(".*(Z|[+-][0-9]{2}:[0-9]{2})$");
    }

    @Test
    void articleCarriesNewsArticleWithEveryPropertyGoogleRequiresAndRecommends() {
        Published a = fullArticle(unique("Strikes hit depots near the ridge"));
        Document page = browser.get("/articles/" + slugOf(a.id())).page();

        JsonNode article = ofType(page, "NewsArticle");
        assertThat(article.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(article.path("headline").asString()).isEqualTo(a.headline());
        assertThat(article.path("headline").asString().length()).isLessThanOrEqualTo(110);
        JsonNode images = article.path("image");
        assertThat(images.isArray()).isTrue();
        assertThat(images.size()).isGreaterThanOrEqualTo(2);
        images.forEach(i -> assertThat(i.asString()).startsWith(base() + "/media/"));
        assertIsoWithOffset(article.path("datePublished").asString());
        assertIsoWithOffset(article.path("dateModified").asString());
        assertThat(OffsetDateTime.parse(article.path("datePublished").asString()).toInstant()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        JsonNode author = article.path("author").get(0);
        assertThat(author.path("@type").asString()).isEqualTo("Person");
        assertThat(author.path("name").asString()).isEqualTo(a.author().displayName());
        assertThat(author.path("url").asString()).isEqualTo(base() + "/authors/" + a.author().slug());
        JsonNode publisher = article.path("publisher");
        assertThat(publisher.path("@type").asString()).isEqualTo("NewsMediaOrganization");
        assertThat(publisher.path("name").asString()).isEqualTo(settings.current().name());
        assertThat(publisher.path("logo").path("url").asString()).startsWith(base() + "/");
        assertThat(publisher.path("logo").path("width").asInt()).isPositive();
        assertThat(article.path("articleSection").asString()).isEqualTo(a.section().name());
        assertThat(article.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(article.path("mainEntityOfPage").path("@id").asString()).isEqualTo(base() + "/articles/" + slugOf(a.id()));

        JsonNode crumbs = ofType(page, "BreadcrumbList").path("itemListElement");
        assertThat(crumbs.size()).isEqualTo(3);
        assertThat(crumbs.get(1).path("name").asString()).isEqualTo(a.section().name());
        assertThat(crumbs.get(1).path("item").asString()).isEqualTo(base() + a.section().href());
        assertThat(crumbs.get(2).path("position").asInt()).isEqualTo(3);
        assertThat(crumbs.get(2).path("item").asString()).isEqualTo(base() + "/articles/" + slugOf(a.id()));
    }

    @Test
    void articleHasOpenGraphAndTwitterTagsWithTimesSectionAndTags() {
        Published a = fullArticle(unique("Convoy reaches the border"));
        Document page = browser.get("/articles/" + slugOf(a.id())).page();
        String address = base() + "/articles/" + slugOf(a.id());

        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(address);
        assertThat(meta(page, "description")).isEqualTo("Officials confirm overnight strikes.");
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:title")).isEqualTo(a.headline());
        assertThat(meta(page, "og:url")).isEqualTo(address);
        assertThat(meta(page, "og:site_name")).isEqualTo(settings.current().name());
        assertThat(meta(page, "og:image")).startsWith(base() + "/media/");
        assertThat(Integer.parseInt(meta(page, "og:image:width"))).isPositive();
        assertThat(Integer.parseInt(meta(page, "og:image:height"))).isPositive();
        assertThat(meta(page, "og:image:alt")).isEqualTo("Alt Smoke over the ridge.");
        assertIsoWithOffset(meta(page, "article:published_time"));
        assertIsoWithOffset(meta(page, "article:modified_time"));
        assertThat(meta(page, "article:section")).isEqualTo(a.section().name());
        assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactlyInAnyOrder("Ceasefire", "Air strikes");
        assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "twitter:image")).isEqualTo(meta(page, "og:image"));
    }

    @Test
    void everyKindOfPageHasOpenGraphTagsAndAnAbsoluteCanonicalAddress() {
        Published a = fullArticle(unique("Drills resume at dawn"));
        String tagSlug = browser.get("/articles/" + slugOf(a.id())).page().select("a[rel=tag]").first().attr("href");
        Map<String, String> pages = Map.of(
                "home", "/",
                "article", "/articles/" + slugOf(a.id()),
                "section", a.section().href(),
                "tag", tagSlug,
                "author", a.author().href());
        pages.forEach((kind, path) -> {
            Document page = browser.get(path).page();
            String canonical = page.selectFirst("link[rel=canonical]").attr("href");
            assertThat(canonical).as(kind).isEqualTo(base() + path);
            for (String property : List.of("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image", "og:image:width",
                    "og:image:height", "og:image:alt", "twitter:card", "twitter:title", "twitter:description", "description")) {
                assertThat(meta(page, property)).as(kind + " " + property).isNotBlank();
            }
            assertThat(meta(page, "og:url")).as(kind).isEqualTo(canonical);
            assertThat(meta(page, "og:image")).as(kind).startsWith(base() + "/");
        });
    }

    @Test
    void aPageWhoseOnlyPictureIsTheBannerLogoGetsASmallCardAndAnArticlePhotoALargeOne() {
        settings.update(Map.of("site.logo_photo", ""));
        Published a = fullArticle(unique("Tankers refuel at sea"));
        Document home = browser.get("/").page();
        assertThat(meta(home, "og:image:width")).isEqualTo("600");
        assertThat(meta(home, "og:image:height")).isEqualTo("60");
        assertThat(meta(home, "twitter:card")).as("a 600 x 60 banner would be cut to nothing in a large card").isEqualTo("summary");
        assertThat(meta(browser.get(a.section().href()).page(), "twitter:card")).isEqualTo("summary");
        assertThat(meta(browser.get("/articles/" + slugOf(a.id())).page(), "twitter:card")).isEqualTo("summary_large_image");
    }

    private static final List<String> SHARING_TAGS = List.of("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image",
            "og:image:width", "og:image:height", "og:image:alt", "twitter:card", "twitter:title", "twitter:description", "description");

    /** A canonical address equal to og:url, every sharing tag, and JSON-LD of this type whose {@code url} is the same address. */
    private JsonNode describedAt(Document page, String path, String type) {
        String canonical = page.selectFirst("link[rel=canonical]") == null ? null : page.selectFirst("link[rel=canonical]").attr("href");
        assertThat(canonical).as(path + " canonical").isEqualTo(base() + path);
        for (String property : SHARING_TAGS) {
            assertThat(meta(page, property)).as(path + " " + property).isNotBlank();
        }
        assertThat(meta(page, "og:url")).isEqualTo(canonical);
        assertThat(page.select("meta[name=description]")).as("one description").hasSize(1);
        JsonNode document = ofType(page, type);
        assertThat(document.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(document.path("url").asString()).isEqualTo(canonical);
        return document;
    }

    /** A published gallery of these photos, made through the newsroom's screens; answers its slug. */
    private String publishedGallery(AdminSession editor, String title, MediaItem... photos) {
        String slug = unique("gallery").toLowerCase().replace(' ', '-');
        AdminSession.Response created = editor.post("/admin/galleries", Map.of("title", title, "slug", slug, "description", "About " + title));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String desk = created.location();
        String ids = String.join(",", java.util.Arrays.stream(photos).map(p -> Long.toString(p.id())).toList());
        assertThat(editor.post(desk + "/photos", Map.of("media", ids)).status()).isEqualTo(302);
        assertThat(editor.post(desk, Map.of("action", "publish")).status()).isEqualTo(302);
        return slug;
    }

    @Test
    void aGalleryIsAnImageGalleryListingEachPhotoWithItsCreditAndLicence() {
        AdminSession editor = owner();
        MediaItem tank = photo("Tank on the range");
        MediaItem ship = photo("Frigate at sea");
        String slug = publishedGallery(editor, "Exercise Northern Shield", tank, ship);
        long id = galleries.findPublished(slug).orElseThrow().id();
        long shipPhoto = galleries.photos(id).get(1).id();
        assertThat(editor.post("/admin/galleries/" + id + "/photos/" + shipPhoto, Map.of("caption", "HMS Example </script><script>alert(1)</script> leaves port", "photographer", "Lee Park",
                "organisation", "", "licence", "All rights reserved")).status()).isEqualTo(302);

        Document page = browser.get("/galleries/" + slug).page();
        JsonNode gallery = describedAt(page, "/galleries/" + slug, "ImageGallery");
        assertThat(gallery.path("name").asString()).isEqualTo("Exercise Northern Shield");
        assertThat(meta(page, "description")).isEqualTo("About Exercise Northern Shield");
        assertThat(meta(page, "og:image")).as("the first photo").isEqualTo(base() + tank.src(1600));
        assertThat(meta(page, "og:image:width")).isEqualTo(Integer.toString(tank.variantFor(1600).width()));
        assertThat(meta(page, "og:image:alt")).isEqualTo("Alt Tank on the range");
        assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");

        JsonNode images = gallery.path("image");
        assertThat(images.size()).isEqualTo(2);
        JsonNode first = images.get(0);
        assertThat(first.path("@type").asString()).isEqualTo("ImageObject");
        assertThat(first.path("contentUrl").asString()).isEqualTo(base() + tank.src(1600));
        assertThat(first.path("url").asString()).isEqualTo(base() + "/galleries/" + slug + "/1");
        assertThat(first.path("caption").asString()).isEqualTo("Tank on the range");
        assertThat(first.path("width").asInt()).isEqualTo(tank.variantFor(1600).width());
        assertThat(first.path("height").asInt()).isEqualTo(tank.variantFor(1600).height());
        assertThat(first.path("creditText").asString()).isEqualTo("Ana Ruiz / Test Agency");
        assertThat(first.path("creator").path("@type").asString()).isEqualTo("Person");
        assertThat(first.path("creator").path("name").asString()).isEqualTo("Ana Ruiz");
        assertThat(first.path("copyrightNotice").asString()).isEqualTo("© Ana Ruiz / Test Agency");
        assertThat(first.path("license").asString()).as("CC BY 4.0").isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        JsonNode second = images.get(1);
        assertThat(second.path("url").asString()).isEqualTo(base() + "/galleries/" + slug + "/2");
        assertThat(second.path("caption").asString()).as("the gallery's own caption").isEqualTo("HMS Example </script><script>alert(1)</script> leaves port");
        assertThat(second.path("creditText").asString()).as("the gallery's own credit").isEqualTo("Lee Park");
        assertThat(second.path("creator").path("name").asString()).isEqualTo("Lee Park");
        assertThat(second.has("license")).as("all rights reserved has no licence to point at").isFalse();
        assertThat(page.select("script[type=application/ld+json]").first().data()).doesNotContain("</script>").contains("\\u003c/script\\u003e");
    }

    @Test
    void aGalleryPhotoPageIsAnImageObjectOfThatPhotoWithOneHeading() {
        MediaItem cover = photo("Cover of the range");
        MediaItem ship = photo("Frigate leaves port");
        String slug = publishedGallery(owner(), "Fleet review", cover, ship);

        Document page = browser.get("/galleries/" + slug + "/2").page();
        JsonNode image = describedAt(page, "/galleries/" + slug + "/2", "ImageObject");
        assertThat(page.select("h1")).as("vnu: an article needs a heading").hasSize(1);
        assertThat(page.select("article.gallery-photo h1").text()).isEqualTo("Frigate leaves port");
        assertThat(meta(page, "og:image")).isEqualTo(base() + ship.src(1600));
        assertThat(meta(page, "og:image:alt")).isEqualTo("Alt Frigate leaves port");
        assertThat(meta(page, "og:title")).isEqualTo("Frigate leaves port");
        assertThat(image.path("contentUrl").asString()).isEqualTo(base() + ship.src(1600));
        assertThat(image.path("caption").asString()).isEqualTo("Frigate leaves port");
        assertThat(image.path("creator").path("name").asString()).isEqualTo("Ana Ruiz");
        assertThat(image.path("license").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(image.path("isPartOf").path("@type").asString()).isEqualTo("ImageGallery");
        assertThat(image.path("isPartOf").path("@id").asString()).isEqualTo(base() + "/galleries/" + slug);
    }

    @Test
    void thePicturesPageIsACollectionPage() {
        publishedGallery(owner(), "Air show", photo("Jet on approach"));
        JsonNode collection = describedAt(browser.get("/pictures").page(), "/pictures", "CollectionPage");
        assertThat(collection.path("name").asString()).isEqualTo("Pictures");
    }

    @Test
    void aStaticPageIsAWebPageDescribedByTheStartOfItsText() {
        String slug = unique("about").toLowerCase().replace(' ', '-');
        String sentence = "Dispatch **reports** on defence & security from [the region](/sections/land), with caf&eacute; talk. ";
        AdminSession.Response created = owner().post("/admin/pages", Map.of("title", "About us", "slug", slug, "body",
                "## Who we are\n\n" + sentence.repeat(4), "action", "publish"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);

        Document page = browser.get("/" + slug).page();
        JsonNode webPage = describedAt(page, "/" + slug, "WebPage");
        assertThat(webPage.path("name").asString()).isEqualTo("About us");
        String description = meta(page, "description");
        String text = "Who we are " + "Dispatch reports on defence & security from the region, with café talk. ".repeat(4).strip();
        assertThat(description).hasSizeLessThanOrEqualTo(160).endsWith("…").doesNotContain("<", "**", "&amp;", "&eacute;");
        String kept = description.substring(0, description.length() - 1);
        assertThat(text).as("the start of the text, cut at a word").startsWith(kept);
        assertThat(Character.isLetterOrDigit(text.charAt(kept.length()))).as("cut between words: " + description).isFalse();
        assertThat(kept.length()).isGreaterThan(120);
        assertThat(meta(page, "og:description")).isEqualTo(description);
        assertThat(webPage.path("description").asString()).isEqualTo(description);
        assertThat(meta(page, "og:type")).isEqualTo("website");
    }

    @Test
    void homePageDescribesTheSiteWithASearchAction() {
        Document page = browser.get("/").page();
        JsonNode website = ofType(page, "WebSite");
        assertThat(website.path("url").asString()).isEqualTo(base() + "/");
        assertThat(website.path("name").asString()).isEqualTo(settings.current().name());
        JsonNode action = website.path("potentialAction");
        assertThat(action.path("@type").asString()).isEqualTo("SearchAction");
        assertThat(action.path("target").path("urlTemplate").asString()).isEqualTo(base() + "/search?q={search_term_string}");
        assertThat(action.path("query-input").asString()).isEqualTo("required name=search_term_string");
        assertThat(meta(page, "og:type")).isEqualTo("website");
    }

    @Test
    void listingsAreCollectionPagesWithTheirOwnAddress() {
        Published a = fullArticle(unique("Patrol boats commissioned"));
        Document section = browser.get(a.section().href()).page();
        JsonNode collection = ofType(section, "CollectionPage");
        assertThat(collection.path("url").asString()).isEqualTo(base() + a.section().href());
        assertThat(collection.path("name").asString()).isEqualTo(a.section().name());
        assertThat(collection.path("isPartOf").path("url").asString()).isEqualTo(base() + "/");
        assertThat(ofType(browser.get(a.author().href()).page(), "CollectionPage").path("name").asString()).isEqualTo(a.author().displayName());
    }

    @Test
    void aHostileHeadlineCannotLeaveTheStructuredData() {
        String hostile = unique("</script><script>alert(1)</script><!-- &");
        long id = publishing.draft(ArticleDraft.of(hostile, "Standfirst.", "Body."));
        publishing.publish(id);
        String html = browser.get("/articles/" + slugOf(id)).body();
        Document page = browser.get("/articles/" + slugOf(id)).page();

        assertThat(html).doesNotContain("<script>alert(1)");
        assertThat(page.select("script").eachAttr("type")).allMatch(t -> t.equals("application/ld+json") || t.isEmpty());
        assertThat(page.select("script:not([src])").stream().map(Element::data)).noneMatch(d -> d.contains("alert(1)") && !d.contains("\\u003c"));
        assertThat(ofType(page, "NewsArticle").path("headline").asString()).isEqualTo(hostile);
        assertThat(page.select("script[type=application/ld+json]").first().data()).contains("\\u003c/script\\u003e");
    }

    @Test
    void addressesFollowTheSiteBaseUrlSetting() {
        Published a = fullArticle(unique("Radar site upgraded"));
        settings.update(Map.of("site.base_url", "https://news.example/"));
        Document page = browser.get("/articles/" + slugOf(a.id())).page();
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://news.example/articles/" + slugOf(a.id()));
        assertThat(meta(page, "og:image")).startsWith("https://news.example/media/");
        assertThat(ofType(page, "NewsArticle").path("author").get(0).path("url").asString())
                .isEqualTo("https://news.example/authors/" + a.author().slug());
    }

    @Test
    void aHeadlineChangedAfterPublicationShowsUpdatedWithItsTime() {
        settings.update(Map.of("articles.updated_when", "headline,body"));
        Published a = fullArticle(unique("Ferry service suspended"));
        clock.advance(Duration.ofHours(2));
        String changed = a.headline() + " again";
        publishing.revise(a.id(), new ArticleDraft(changed, "", "Officials confirm overnight strikes.", "First paragraph.\n\nSecond paragraph.",
                a.section().id(), List.of(a.author().id()), List.of("Ceasefire", "Air strikes"), a.photo().id(), "", "", "", false, true));

        Document page = browser.get("/articles/" + slugOf(a.id())).page();
        Element updated = page.select(".byline time").get(1);
        assertThat(page.select(".byline").text()).contains("Updated");
        assertThat(OffsetDateTime.parse(updated.attr("datetime")).toInstant()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(OffsetDateTime.parse(ofType(page, "NewsArticle").path("dateModified").asString()).toInstant())
                .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(meta(page, "article:modified_time")).isEqualTo(ofType(page, "NewsArticle").path("dateModified").asString());
    }

    @Test
    void changesTheSettingDoesNotCountLeaveThePageWithoutUpdated() {
        settings.update(Map.of("articles.updated_when", "headline,body"));
        Published a = fullArticle(unique("Bridge repairs finished"));
        clock.advance(Duration.ofHours(2));
        publishing.revise(a.id(), draftOf(a).withTags(List.of("Engineering")));

        Document page = browser.get("/articles/" + slugOf(a.id())).page();
        assertThat(page.select("a[rel=tag]").eachText()).containsExactly("Engineering");
        assertThat(page.select(".byline").text()).doesNotContain("Updated");
        assertThat(ofType(page, "NewsArticle").path("dateModified").asString()).isEqualTo(ofType(page, "NewsArticle").path("datePublished").asString());
    }

    @Test
    void theSettingDecidesWhichChangesCount() {
        settings.update(Map.of("articles.updated_when", "tags"));
        Published a = fullArticle(unique("Airfield lights replaced"));
        clock.advance(Duration.ofHours(2));
        publishing.revise(a.id(), draftOf(a).withTags(List.of("Engineering")));

        assertThat(browser.get("/articles/" + slugOf(a.id())).page().select(".byline").text()).contains("Updated");
    }

    @Test
    void anEditorsSearchTitleDescriptionAndSocialImageReplaceTheDefaults() {
        Published a = fullArticle(unique("Garrison marks anniversary"));
        MediaItem social = photo("A wide view of the garrison.");
        AdminSession owner = owner();
        Document editor = owner.get("/admin/articles/" + a.id()).page();
        Map<String, String> form = new HashMap<>();
        for (Element input : editor.select("form input[name], form textarea[name], form select[name]")) {
            if (input.is("input[type=checkbox]") && !input.hasAttr("checked") || input.is("input[type=file]")) {
                continue;
            }
            String value = input.is("select") ? input.select("option[selected]").val() : input.is("textarea") ? input.text() : input.val();
            form.put(input.attr("name"), value);
        }
        form.put("searchTitle", "Garrison turns 100");
        form.put("searchDescription", "A century at the garrison, in pictures.");
        form.put("socialMediaId", Long.toString(social.id()));
        form.put("action", "publish");
        AdminSession.Response saved = owner.post("/admin/articles/" + a.id(), form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        Document page = browser.get("/articles/" + slugOf(a.id())).page();
        assertThat(page.title()).isEqualTo("Garrison turns 100 – " + settings.current().name());
        assertThat(meta(page, "description")).isEqualTo("A century at the garrison, in pictures.");
        assertThat(meta(page, "og:title")).isEqualTo("Garrison turns 100");
        assertThat(meta(page, "og:image")).contains("/media/" + social.storageKey() + "/");
        assertThat(meta(page, "og:image:alt")).isEqualTo("Alt A wide view of the garrison.");
        assertThat(ofType(page, "NewsArticle").path("headline").asString()).isEqualTo(a.headline());
        assertThat(page.select("h1").text()).isEqualTo(a.headline());

        Document reopened = owner.get("/admin/articles/" + a.id()).page();
        assertThat(reopened.selectFirst("input[name=searchTitle]").val()).isEqualTo("Garrison turns 100");
        assertThat(reopened.selectFirst("select[name=socialMediaId] option[selected]").val()).isEqualTo(Long.toString(social.id()));
    }

    @Test
    void aTooLongSearchTitleComesBackWithTheFormKept() {
        Published a = fullArticle(unique("Garrison hosts visitors"));
        AdminSession owner = owner();
        Map<String, String> form = new HashMap<>();
        form.put("headline", a.headline());
        form.put("body", "First paragraph.");
        form.put("version", owner.get("/admin/articles/" + a.id()).page().selectFirst("input[name=version]").val());
        form.put("searchTitle", "x".repeat(201));
        form.put("action", "save");
        AdminSession.Response refused = owner.post("/admin/articles/" + a.id(), form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("search title");
        assertThat(refused.page().selectFirst("input[name=searchTitle]").val()).hasSize(201);
    }

    @Test
    void dateArchivesListTheStoriesOfTheirMonthAndYearAndDescribeThemselves() {
        long march = publishing.draft(ArticleDraft.of(unique("Old garrison closes"), "From the archive.", "Body."));
        publishing.publishAt(march, java.time.Instant.parse("1999-03-15T10:00:00Z"));
        long april = publishing.draft(ArticleDraft.of(unique("Old garrison reopens"), "From the archive.", "Body."));
        publishing.publishAt(april, java.time.Instant.parse("1999-04-01T00:00:00Z"));

        Document month = browser.get("/1999/03/").page();
        assertThat(month.select("h1").text()).isEqualTo("March 1999");
        assertThat(month.select(".list a").eachAttr("href")).contains("/articles/" + slugOf(march)).doesNotContain("/articles/" + slugOf(april));
        assertThat(month.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(base() + "/1999/03/");
        assertThat(ofType(month, "CollectionPage").path("name").asString()).isEqualTo("March 1999");

        Document year = browser.get("/1999/").page();
        assertThat(year.select(".list a").eachAttr("href")).contains("/articles/" + slugOf(march), "/articles/" + slugOf(april));
        assertThat(browser.get("/1999").status()).isEqualTo(200);
        assertThat(browser.get("/1999/05/").status()).isEqualTo(404);
        assertThat(browser.get("/1998/").status()).isEqualTo(404);
        assertThat(browser.get("/1999/13/").status()).isEqualTo(404);

        Document index = browser.get("/archive").page();
        Element of1999 = index.selectFirst("#year-1999").parent();
        assertThat(of1999.select("h2 a").attr("href")).isEqualTo("/1999/");
        assertThat(of1999.select(".archive-months li").eachText()).containsExactly("April (1)", "March (1)");
        assertThat(of1999.select(".archive-months a").eachAttr("href")).containsExactly("/1999/04/", "/1999/03/");
        assertThat(meta(index, "og:url")).isEqualTo(base() + "/archive");
    }

    private ArticleDraft draftOf(Published a) {
        return new ArticleDraft(a.headline(), "", "Officials confirm overnight strikes.", "First paragraph.\n\nSecond paragraph.", a.section().id(),
                List.of(a.author().id()), List.of("Ceasefire", "Air strikes"), a.photo().id(), "", "", "", false, true);
    }

    @Test
    void aLogoChosenInSettingsIsInTheHeaderWithItsSizeAndIsThePublishersLogo() {
        press.dispatch.media.MediaItem logo = photo(unique("Logo"));
        Published a = fullArticle(unique("Logo story"));
        press.dispatch.testing.AdminSession owner = owner();
        Document screen = owner.get("/admin/settings").page();
        assertThat(screen.select("select[name=site.logo_photo] option").eachAttr("value")).as("Settings offers the library's photos")
                .contains("", Long.toString(logo.id()));
        org.jsoup.nodes.FormElement form = (org.jsoup.nodes.FormElement) screen.selectFirst("form[action=/admin/settings]");
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        form.formData().forEach(kv -> fields.add(Map.entry(kv.key(), switch (kv.key()) {
            case "site.logo_photo" -> Long.toString(logo.id());
            case "site.logo_display" -> "logo_only";
            default -> kv.value();
        })));
        press.dispatch.testing.AdminSession.Response saved = owner.postPairs("/admin/settings", fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        Document page = browser.get("/articles/" + slugOf(a.id())).page();
        Element img = page.selectFirst("header.masthead .site-name img.site-logo");
        assertThat(img).as(page.select("header.masthead").outerHtml()).isNotNull();
        assertThat(img.attr("src")).startsWith("/media/" + logo.storageKey() + "/");
        assertThat(img.attr("alt")).isEqualTo(settings.current().name());
        assertThat(Integer.parseInt(img.attr("height"))).as("sharp on a high-density screen at 48 px").isGreaterThanOrEqualTo(96);
        assertThat(Integer.parseInt(img.attr("width"))).isPositive();
        assertThat(page.select("header.masthead .site-name").text()).as("logo only: the name is the alt text").isEmpty();
        JsonNode publisher = ofType(page, "NewsArticle").path("publisher");
        assertThat(publisher.path("logo").path("url").asString()).startsWith(base() + "/media/" + logo.storageKey() + "/");
        assertThat(publisher.path("logo").path("height").asInt()).isGreaterThanOrEqualTo(60);

        settings.update(Map.of("site.logo_display", "logo_and_name"));
        Document front = browser.get("/").page();
        assertThat(front.select("header.masthead .site-name").text()).isEqualTo(settings.current().name());
        assertThat(front.selectFirst("header.masthead .site-name img").attr("alt")).as("beside the name, the picture adds nothing to read").isEmpty();

        settings.update(Map.of("site.logo_photo", ""));
        assertThat(browser.get("/").page().select("header.masthead .site-name img")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.update(Map.of("site.logo_photo", "not-a-number")))
                .isInstanceOfSatisfying(press.dispatch.site.InvalidSettingsException.class,
                        e -> assertThat(e.problems().get("site.logo_photo")).contains("number of a photo"));
    }
}
