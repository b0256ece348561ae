package press.dispatch.galleries;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.feeds.SitemapSchemas;
import press.dispatch.media.Cataloguing;
import press.dispatch.media.MediaItem;
import press.dispatch.media.PhotoInUseException;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Galleries as editors make them and readers see them; run against SQLite and PostgreSQL by the subclasses. */
abstract class GalleriesContract extends NewsroomTest {

    @Autowired
    Galleries galleries;

    @Autowired
    Cataloguing cataloguing;

    @Autowired
    press.dispatch.site.SiteSettings settings;

    private static String slug(String prefix) {
        return unique(prefix).toLowerCase().replace(' ', '-');
    }

    /** Creates a gallery through its screen, adds the photos in order, and answers its id. */
    private long gallery(AdminSession editor, String title, String slug, MediaItem... photos) {
        AdminSession.Response created = editor.post("/admin/galleries", Map.of("title", title, "slug", slug, "description", "About " + title));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().substring("/admin/galleries/".length()));
        if (photos.length > 0) {
            String ids = String.join(",", java.util.Arrays.stream(photos).map(p -> Long.toString(p.id())).toList());
            assertThat(editor.post("/admin/galleries/" + id + "/photos", Map.of("media", ids)).status()).isEqualTo(302);
        }
        return id;
    }

    private List<GalleryPhoto> photos(long id) {
        return galleries.photos(id);
    }

    private static List<String> captions(Document page) {
        return page.select(".gallery-grid figcaption .caption").eachText();
    }

    @Test
    void aPublishedGalleryShowsItsPhotosInOrderWithTheirOwnCaptionAndCreditAndADraftIsNotShown() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem tank = photo("Tank on the range");
        MediaItem ship = photo("Frigate at sea");
        String slug = slug("exercise");
        long id = gallery(editor, "Exercise Northern Shield", slug, tank, ship);
        assertThat(browser.get("/galleries/" + slug).status()).as("a draft").isEqualTo(404);

        long shipPhoto = photos(id).get(1).id();
        editor.post("/admin/galleries/" + id + "/photos/" + shipPhoto, Map.of("caption", "HMS Example leaves port", "photographer", "Lee Park",
                "organisation", "", "licence", ""));
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));

        Document page = browser.get("/galleries/" + slug).page();
        assertThat(page.select("h1").text()).isEqualTo("Exercise Northern Shield");
        assertThat(captions(page)).containsExactly("Tank on the range", "HMS Example leaves port");
        assertThat(page.select(".gallery-grid figcaption .credit").eachText())
                .containsExactly("Photo: Ana Ruiz / Test Agency (CC BY 4.0)", "Photo: Lee Park");
        assertThat(page.select(".gallery-grid img").eachAttr("alt")).containsExactly("Alt Tank on the range", "Alt Frigate at sea");
        assertThat(page.select(".gallery-grid a").eachAttr("href")).as("each photo has its own page, so no script is needed")
                .containsExactly("/galleries/" + slug + "/1", "/galleries/" + slug + "/2");
        assertThat(page.select("script[src=/assets/gallery.js]")).hasSize(1);
        assertThat(page.select("script:not([src]):not([type=application/ld+json])")).as("no inline script under the CSP (JSON-LD is data)").isEmpty();

        Document second = browser.get("/galleries/" + slug + "/2").page();
        assertThat(second.select(".gallery-photo figure img").attr("src")).isEqualTo(ship.src(1600));
        assertThat(second.select(".gallery-photo figcaption").text()).contains("HMS Example leaves port").contains("Photo: Lee Park");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/galleries/" + slug + "/1");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(browser.get("/galleries/" + slug + "/3").status()).isEqualTo(404);

        Document pictures = browser.get("/pictures").page();
        assertThat(pictures.select(".gallery-list a[href=/galleries/" + slug + "]").text()).contains("Exercise Northern Shield");
    }

    @Test
    void unpublishingTakesTheGalleryOffThePicturesPageAndDeletingKeepsThePhotosInTheLibrary() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem jet = photo("Jet on approach");
        String slug = slug("airshow");
        long id = gallery(editor, "Air show", slug, jet);
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));
        assertThat(browser.get("/pictures").page().select("a[href=/galleries/" + slug + "]")).hasSize(1);

        editor.post("/admin/galleries/" + id, Map.of("action", "unpublish"));
        assertThat(browser.get("/galleries/" + slug).status()).isEqualTo(404);
        assertThat(browser.get("/pictures").page().select("a[href=/galleries/" + slug + "]")).isEmpty();

        editor.post("/admin/galleries/" + id, Map.of("action", "delete"));
        assertThat(editor.get("/admin/galleries/" + id).status()).isEqualTo(404);
        assertThat(media.find(jet.id())).isPresent();
    }

    @Test
    void photosAreReorderedByTheOrderFormAndTheEarlierLaterButtonsAndRemovingOneLeavesNoGap() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem a = photo("First");
        MediaItem b = photo("Second");
        MediaItem c = photo("Third");
        String slug = slug("order");
        long id = gallery(editor, "Order", slug, a, b, c);
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));
        List<GalleryPhoto> before = photos(id);

        editor.post("/admin/galleries/" + id + "/order", Map.of("order", before.get(2).id() + "," + before.get(0).id() + "," + before.get(1).id()));
        assertThat(captions(browser.get("/galleries/" + slug).page())).containsExactly("Third", "First", "Second");

        editor.post("/admin/galleries/" + id + "/photos/" + before.get(1).id() + "/move", Map.of("by", "-1"));
        assertThat(captions(browser.get("/galleries/" + slug).page())).containsExactly("Third", "Second", "First");

        AdminSession.Response partial = editor.post("/admin/galleries/" + id + "/order", Map.of("order", Long.toString(before.get(0).id())));
        assertThat(partial.status()).isEqualTo(302);
        assertThat(editor.get(partial.location()).body()).contains("The order was not saved");
        assertThat(captions(browser.get("/galleries/" + slug).page())).containsExactly("Third", "Second", "First");

        editor.post("/admin/galleries/" + id + "/photos/" + before.get(1).id() + "/remove", Map.of());
        assertThat(captions(browser.get("/galleries/" + slug).page())).containsExactly("Third", "First");
        assertThat(photos(id)).extracting(GalleryPhoto::position).containsExactly(1, 2);
        assertThat(jdbc.sql("SELECT position FROM gallery_photos WHERE gallery_id = :id ORDER BY position").param("id", id)
                .query(Integer.class).list()).containsExactly(1, 2);
    }

    @Test
    void aTitleIsRequiredAndATakenSlugIsRefusedWithTheFormRefilled() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String slug = slug("taken");
        gallery(editor, "Taken", slug);
        AdminSession.Response again = editor.post("/admin/galleries", Map.of("title", "Another", "slug", slug, "description", "Kept text."));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.page().select("#title").val()).isEqualTo("Another");
        assertThat(again.page().select("#description").text()).isEqualTo("Kept text.");
        assertThat(again.page().select("#slug ~ .problem").text()).contains("already has the slug");
        AdminSession.Response untitled = editor.post("/admin/galleries", Map.of("title", " ", "slug", "", "description", ""));
        assertThat(untitled.status()).isEqualTo(422);
        assertThat(untitled.page().select("#title ~ .problem").text()).contains("required");
    }

    @Test
    void aNewTitleWithoutASlugKeepsTheGallerysAddress() {
        long id = galleries.create(new GalleryDraft(unique("Fleet week"), "", "Ships."));
        String slug = galleries.open(id).slug();
        galleries.save(id, new GalleryDraft(unique("Fleet week in harbour"), "", "Ships."));
        assertThat(galleries.open(id).slug()).as("its address and every ::gallery[slug] in articles stay").isEqualTo(slug);
        String chosen = slug("renamed");
        galleries.save(id, new GalleryDraft("Fleet week", chosen, "Ships."));
        assertThat(galleries.open(id).slug()).as("a slug given is taken").isEqualTo(chosen);
    }

    @Test
    void aGalleryPlacedInAnArticleBodyShowsThereAndAnUnknownOrDraftGalleryLeavesNoTrace() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String slug = slug("parade");
        long id = gallery(editor, "Victory parade", slug, photo("Marching band"), photo("Flypast"));
        String missing = slug("no-such-gallery");
        long article = publishing.draft(ArticleDraft.of(unique("Parade day"), "", "Crowds lined the streets.\n\n::gallery[" + slug + "]\n\n"
                + "::gallery[" + missing + "]\n\nThe parade ended at noon."));
        publishing.publish(article);
        String path = "/articles/" + slugOf(article);

        Document draft = browser.get(path).page();
        assertThat(draft.select(".gallery-embed")).as("the gallery is still a draft").isEmpty();
        assertThat(draft.select(".body").text()).contains("Crowds lined the streets.").contains("The parade ended at noon.")
                .doesNotContain("::gallery");

        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));
        Document page = browser.get(path).page();
        Element embed = page.selectFirst(".body section.gallery-embed");
        assertThat(embed).as(page.select(".body").html()).isNotNull();
        assertThat(embed.select("h2 a").attr("href")).isEqualTo("/galleries/" + slug);
        assertThat(embed.select("figcaption .caption").eachText()).containsExactly("Marching band", "Flypast");
        assertThat(embed.select("a[data-full]").eachAttr("href")).containsExactly("/galleries/" + slug + "/1", "/galleries/" + slug + "/2");
        assertThat(page.select("script[src=/assets/gallery.js]")).isNotEmpty();
        assertThat(page.select(".gallery-embed")).as("the unknown gallery leaves nothing").hasSize(1);
    }

    @Test
    void galleryPagesComeFromThePageCacheAndAChangePurgesThemAndTheArticlesThatShowTheGallery() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String slug = slug("cached");
        MediaItem photo = photo("Radar dish");
        long id = gallery(editor, "Radar station", slug, photo);
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));
        long article = publishing.draft(ArticleDraft.of(unique("Radar story"), "", "Intro.\n\n::gallery[" + slug + "]"));
        publishing.publish(article);
        String articlePath = "/articles/" + slugOf(article);
        List<String> paths = List.of("/galleries/" + slug, "/galleries/" + slug + "/1", "/pictures", articlePath);
        paths.forEach(p -> assertThat(browser.get(p).status()).as(p).isEqualTo(200));

        // A change made behind the application's back is not seen: the pages are the stored ones.
        jdbc.sql("UPDATE galleries SET title = 'Changed underneath' WHERE id = :id").param("id", id).update();
        jdbc.sql("UPDATE gallery_photos SET caption = 'Changed caption' WHERE gallery_id = :id").param("id", id).update();
        paths.forEach(p -> assertThat(browser.get(p).body()).as(p).doesNotContain("Changed underneath").doesNotContain("Changed caption"));

        long photoId = photos(id).get(0).id();
        editor.post("/admin/galleries/" + id + "/photos/" + photoId, Map.of("caption", "Changed through the desk"));
        for (String p : List.of("/galleries/" + slug, "/galleries/" + slug + "/1", articlePath)) {
            assertThat(browser.get(p).body()).as(p).contains("Changed through the desk");
        }
        assertThat(browser.get("/pictures").body()).as("a caption is not on the Pictures page, so it was left in the cache")
                .doesNotContain("Changed underneath");
        editor.post("/admin/galleries/" + id, Map.of("title", "Radar station at dawn", "slug", slug, "description", ""));
        assertThat(browser.get("/pictures").body()).contains("Radar station at dawn");
    }

    @Test
    void aPhotoDeletedFromTheLibraryDropsOutOfTheGalleryWithoutBreakingItsPages() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem first = photo("Kept one");
        MediaItem gone = photo("Deleted one");
        MediaItem last = photo("Kept two");
        String slug = slug("deleted");
        long id = gallery(editor, "Deleted photo", slug, first, gone, last);
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));

        jdbc.sql("DELETE FROM media_variants WHERE media_id = :id").param("id", gone.id()).update();
        jdbc.sql("DELETE FROM media_items WHERE id = :id").param("id", gone.id()).update();
        galleries.describePhoto(id, photos(id).get(0).id(), "", null);

        Browser.Response page = browser.get("/galleries/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(captions(page.page())).containsExactly("Kept one", "Kept two");
        assertThat(browser.get("/galleries/" + slug + "/2").page().select(".gallery-photo figcaption .caption").text()).isEqualTo("Kept two");
        assertThat(browser.get("/galleries/" + slug + "/3").status()).isEqualTo(404);
        assertThat(editor.get("/admin/galleries/" + id).status()).isEqualTo(200);
    }

    @Test
    void theGalleriesAPhotoIsInAreNamedForTheLibrary() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem shared = photo("Shared");
        MediaItem alone = photo("Alone");
        MediaItem unused = photo("Unused");
        long first = gallery(editor, "First home", slug("first-home"), shared);
        long second = gallery(editor, "Second home", slug("second-home"), shared, alone);
        assertThat(galleries.listUsing(shared.id())).extracting(Gallery::id).containsExactly(first, second);
        assertThat(galleries.listUsing(alone.id())).extracting(Gallery::id).containsExactly(second);
        assertThat(galleries.listUsing(unused.id())).isEmpty();
        assertThat(galleries.photosInUse()).contains(shared.id(), alone.id()).doesNotContain(unused.id());
    }

    @Test
    void theLibraryRefusesToDeleteAPhotoAGalleryHoldsAndNamesTheGallery() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem held = photo("Held by a gallery");
        MediaItem free = photo("In no gallery");
        long id = gallery(editor, "Harbour at night", slug("harbour-night"), held);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cataloguing.delete(held.id()))
                .isInstanceOfSatisfying(PhotoInUseException.class, e -> assertThat(e.uses())
                        .extracting(u -> u.kind() + ": " + u.title() + " " + u.href())
                        .contains("Gallery: Harbour at night /admin/galleries/" + id));
        assertThat(cataloguing.delete(free.id())).isTrue();
        assertThat(photos(id)).hasSize(1);
    }

    /** Every URL element of every sitemap page of one kind ({@code articles}, {@code galleries}), each page valid. */
    private Document sitemaps(String kind) {
        String index = browser.get("/sitemap.xml").body();
        List<String> pages = org.jsoup.Jsoup.parse(index, "", org.jsoup.parser.Parser.xmlParser()).select("sitemap > loc").eachText().stream()
                .filter(loc -> loc.contains("/sitemaps/" + kind + "-")).toList();
        assertThat(pages).as(index).isNotEmpty();
        StringBuilder all = new StringBuilder("<all>");
        for (String loc : pages) {
            Browser.Response page = browser.get(loc.substring(loc.indexOf("/sitemaps/")));
            SitemapSchemas.validUrlSet(page.bytes());
            all.append(page.body().replaceFirst("^<\\?xml[^>]*\\?>", ""));
        }
        return org.jsoup.Jsoup.parse(all.append("</all>").toString(), "", org.jsoup.parser.Parser.xmlParser());
    }

    private static Element entry(Document sitemaps, String path) {
        return sitemaps.select("url").stream().filter(u -> u.select("loc").first().text().endsWith(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + sitemaps.select("url > loc").eachText()));
    }

    private String base() {
        return settings.current().baseUrl();
    }

    @Test
    void publishedGalleriesAreInTheSitemapsWithEveryPhotoInOrderAndDraftsAreNot() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem cover = photo("Cover");
        MediaItem inside = photo("Inside");
        MediaItem last = photo("Last");
        String published = slug("mapped");
        String draft = slug("unmapped");
        long id = gallery(editor, "Mapped", published, cover, inside, last);
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));
        gallery(editor, "Unmapped", draft, photo("Hidden"));

        Document xml = sitemaps("galleries");
        assertThat(entry(xml, "/galleries/" + published).select("image|image > image|loc").eachText())
                .containsExactly(base() + cover.src(1600), base() + inside.src(1600), base() + last.src(1600));
        assertThat(xml.select("url > loc").eachText()).noneMatch(loc -> loc.endsWith("/galleries/" + draft));
    }

    @Test
    void anArticlesSitemapEntryListsItsFeaturedPhotoItsBodyPhotoAndEveryPhotoOfItsGalleryOnce() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem featured = photo("Featured");
        MediaItem inBody = photo("In the body");
        MediaItem first = photo("Gallery one");
        MediaItem second = photo("Gallery two");
        String slug = slug("mapped-embed");
        long id = gallery(editor, "Embedded", slug, first, second, featured);
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));
        long article = publishing.draft(ArticleDraft.of(unique("Mapped with photos"), "", "Intro.\n\n![Body](photo:" + inBody.id() + ")\n\n"
                + "::gallery[" + slug + "]\n\nEnd.").withFeaturedPhoto(featured.id(), "", "", ""));
        publishing.publish(article);
        long plain = publishing.draft(ArticleDraft.of(unique("Mapped without photos"), "", "Nothing to see."));
        publishing.publish(plain);

        Document xml = sitemaps("articles");
        assertThat(entry(xml, "/articles/" + slugOf(article)).select("image|image > image|loc").eachText()).containsExactly(
                base() + featured.src(4000), base() + inBody.src(4000), base() + first.src(4000), base() + second.src(4000));
        assertThat(entry(xml, "/articles/" + slugOf(plain)).select("image|image")).isEmpty();
    }

    @Test
    void aGalleryInAnArticleIsInItsFeedEntryAsFiguresAtAbsoluteAddressesWithMediaContentForEachPhoto() throws Exception {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        MediaItem first = photo("Landing craft");
        MediaItem second = photo("Beach at dawn");
        String slug = slug("fed");
        long id = gallery(editor, "Landing exercise", slug, first, second);
        editor.post("/admin/galleries/" + id, Map.of("action", "publish"));
        var section = section("Fed");
        long article = publishing.draft(ArticleDraft.of(unique("Landing"), "Standfirst.", "Intro.\n\n::gallery[" + slug + "]\n\nEnd.")
                .withSection(section.id()));
        publishing.publish(article);

        String rssXml = browser.get("/sections/" + section.slug() + "/feed").body();
        var rss = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(rssXml));
        Document content = org.jsoup.Jsoup.parse(rss.getEntries().get(0).getContents().get(0).getValue());
        assertThat(content.select("figure figcaption").eachText()).containsExactly("Landing craft Photo: Ana Ruiz / Test Agency (CC BY 4.0)",
                "Beach at dawn Photo: Ana Ruiz / Test Agency (CC BY 4.0)");
        assertThat(content.select("figure img").eachAttr("src")).containsExactly(base() + first.src(4000), base() + second.src(4000));
        assertThat(content.select("figure img").eachAttr("alt")).containsExactly("Alt Landing craft", "Alt Beach at dawn");
        content.select("img[srcset], source[srcset]").forEach(e -> java.util.Arrays.stream(e.attr("srcset").split(","))
                .forEach(c -> assertThat(c.strip()).startsWith(base() + "/media/")));
        assertThat(content.select("a[href]").eachAttr("href")).contains(base() + "/galleries/" + slug);
        assertThat(content.select("script")).isEmpty();
        Document items = org.jsoup.Jsoup.parse(rssXml, "", org.jsoup.parser.Parser.xmlParser());
        assertThat(items.select("item").first().select("media|content").eachAttr("url"))
                .containsExactly(base() + first.src(4000), base() + second.src(4000));
        assertThat(items.select("item").first().select("media|content media|description").eachText())
                .containsExactly("Landing craft", "Beach at dawn");

        var atom = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(
                browser.get("/sections/" + section.slug() + "/feed/atom").body()));
        Document atomContent = org.jsoup.Jsoup.parse(atom.getEntries().get(0).getContents().get(0).getValue());
        assertThat(atomContent.select("figure img").eachAttr("src")).containsExactly(base() + first.src(4000), base() + second.src(4000));

        editor.post("/admin/galleries/" + id + "/photos/" + photos(id).get(0).id(), Map.of("caption", "Landing craft beached"));
        assertThat(browser.get("/sections/" + section.slug() + "/feed").body()).as("the cached feed is purged with the gallery")
                .contains("Landing craft beached");
    }
}
