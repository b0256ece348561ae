package press.dispatch.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library as the photo desk uses it — search and filters, the detail panel, "used in" and deletion — run against
 * SQLite and PostgreSQL by the subclasses.
 */
abstract class PhotoDeskContract extends NewsroomTest {

    @Autowired
    press.dispatch.live.LiveCoverage live;

    @Autowired
    press.dispatch.articles.Editing editing;

    @Test
    void aPhotoThatAPageALiveUpdateTheLogoOrChangesKeptForLaterShowIsNotDeleted() {
        MediaItem onPage = photo("On a page");
        MediaItem inLive = photo("In a live update");
        MediaItem logo = photo("The logo");
        MediaItem pending = photo("In changes kept for later");
        MediaItem free = photo("Used nowhere");
        jdbc.sql("INSERT INTO pages (slug, title, body_markdown, status, created_at, updated_at) VALUES (:slug, 'Photo page', :body, 'draft', :now, :now)")
                .param("slug", "photo-page-" + onPage.id()).param("body", "Intro.\n\n![Alt](photo:" + onPage.id() + ")\n")
                .param("now", press.dispatch.platform.SqlTime.of(clock.instant())).update();
        long liveArticle = publishedArticle(unique("Live with a photo"), null);
        live.start(ownerStaff(), liveArticle);
        live.post(ownerStaff(), liveArticle, new press.dispatch.live.EntryInput("", inLive.id(), "", "", "", false));
        settings.update(java.util.Map.of(press.dispatch.site.Setting.LOGO_PHOTO.key(), Long.toString(logo.id())));
        long article = publishedArticle(unique("Kept changes"), null);
        var open = editing.open(ownerStaff(), article);
        var a = open.article();
        editing.saveAndApply(ownerStaff(), article, new press.dispatch.articles.ArticleDraft(a.headline(), a.slug(), a.standfirst(),
                a.bodyMarkdown(), a.sectionId(), a.authorIds(), List.of(), pending.id(), "", "", "", a.webOnly(), a.commentsOpen()),
                open.version(), "save", null);
        try {
            for (MediaItem used : List.of(onPage, inLive, logo, pending)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalogue.delete(used.id())).as(used.caption())
                        .isInstanceOf(PhotoInUseException.class);
                assertThat(library.find(used.id())).as(used.caption()).isPresent();
            }
            assertThat(catalogue.usesOf(logo.id())).extracting(PhotoUses.PhotoUse::kind).containsExactly("Site logo");
            assertThat(catalogue.usesOf(inLive.id())).extracting(PhotoUses.PhotoUse::href).containsExactly("/admin/live/" + liveArticle);
            assertThat(catalogue.usesOf(pending.id())).extracting(PhotoUses.PhotoUse::href).containsExactly("/admin/articles/" + article);
            assertThat(catalogue.delete(free.id())).isTrue();
        } finally {
            settings.update(java.util.Map.of(press.dispatch.site.Setting.LOGO_PHOTO.key(), ""));
        }
    }

    @Autowired
    Cataloguing catalogue;

    @Autowired
    MediaLibrary library;

    @Autowired
    press.dispatch.site.SiteSettings settings;

    private MediaItem described(String caption, String alt, Credit credit, String filename) {
        return described(caption, alt, credit, filename, 640, 480);
    }

    private MediaItem described(String caption, String alt, Credit credit, String filename, int width, int height) {
        try {
            return media.ingest(MediaLibraryTest.png(width, height), filename, new MediaDetails(caption, alt, credit));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Long> ids(Document page) {
        return page.select(".thumbs figcaption > a").eachText().stream().map(t -> Long.parseLong(t.substring(1))).toList();
    }

    @Test
    void theLibraryFindsPhotosByCaptionCreditAltTextAndFileName() {
        String word = "w" + java.util.UUID.randomUUID().toString().substring(0, 8);
        MediaItem byCaption = described("Frigate " + word + " at dawn", "alt", new Credit("Ana", "", ""), "a.png");
        MediaItem byAlt = described("", "Two " + word.toUpperCase() + " helicopters", new Credit("", "", ""), "b.png");
        MediaItem byCredit = described("", "", new Credit("Jo " + word, "", ""), "c.png");
        MediaItem byName = described("", "", new Credit("", "", ""), word + "_100%.png");
        MediaItem other = described("Nothing to see", "", new Credit("", "", ""), "d.png");

        Document found = owner().get("/admin/media?q=" + word).page();

        assertThat(ids(found)).containsExactlyInAnyOrder(byCaption.id(), byAlt.id(), byCredit.id(), byName.id()).doesNotContain(other.id());
        assertThat(ids(owner().get("/admin/media?q=_100%25").page())).containsExactly(byName.id());
    }

    @Test
    void filtersKeepPhotosOfOnePhotographerOrAgencyThoseLackingCreditOrAltAndThoseNothingUses() {
        String agency = "Agency " + java.util.UUID.randomUUID().toString().substring(0, 8);
        MediaItem credited = described("Credited", "Alt", new Credit("Kim Lee", agency, ""), "e.png");
        MediaItem uncredited = described("Uncredited", "Alt", new Credit("", "", "CC0"), "f.png");
        MediaItem noAlt = described("No alt", "", new Credit("Kim Lee", agency, ""), "g.png");
        long article = publishing.draft(ArticleDraft.of("Uses a photo", "", "Body.").withFeaturedPhoto(credited.id(), "", "", ""));
        assertThat(article).isPositive();
        AdminSession owner = owner();

        assertThat(ids(owner.get("/admin/media?credit=" + agency.replace(' ', '+')).page())).containsExactlyInAnyOrder(credited.id(), noAlt.id());
        assertThat(ids(owner.get("/admin/media?missing=credit").page())).contains(uncredited.id()).doesNotContain(credited.id(), noAlt.id());
        assertThat(ids(owner.get("/admin/media?missing=alt").page())).contains(noAlt.id()).doesNotContain(credited.id(), uncredited.id());
        assertThat(ids(owner.get("/admin/media?unused=1&credit=" + agency.replace(' ', '+')).page())).containsExactly(noAlt.id());
    }

    @Test
    void theDateFilterKeepsPhotosUploadedBetweenTwoDays() {
        clock.advance(Duration.ofDays(400));
        LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        MediaItem earlier = described("Earlier", "", new Credit("", "", ""), "h.png");
        clock.advance(Duration.ofDays(40));
        MediaItem later = described("Later", "", new Credit("", "", ""), "i.png");

        List<Long> found = ids(owner().get("/admin/media?from=" + first.minusDays(1) + "&to=" + first.plusDays(1)).page());

        assertThat(found).contains(earlier.id()).doesNotContain(later.id());
        assertThat(catalogue.search(new PhotoQuery("", "", first.plusDays(40), null, false, ""), 0, 10).photos())
                .extracting(MediaItem::id).contains(later.id()).doesNotContain(earlier.id());
    }

    @Test
    void aCreditEditedInTheDetailPanelIsWhatTheLibraryAndApiThenShow() {
        MediaItem photo = described("Before", "Old alt", new Credit("Old Name", "", ""), "j.png");
        AdminSession owner = owner();

        AdminSession.Response saved = owner.post("/admin/media/" + photo.id(), Map.of("caption", "Patrol at dusk", "alt", "A patrol boat",
                "photographer", "Ana Ruiz", "agency", "Coastal Agency", "licence", "CC BY 4.0", "focalX", "25", "focalY", "70.5"));

        assertThat(saved.status()).isEqualTo(302);
        Document panel = owner.get("/admin/media/" + photo.id()).page();
        assertThat(panel.select("#photographer").val()).isEqualTo("Ana Ruiz");
        assertThat(panel.select("#agency").val()).isEqualTo("Coastal Agency");
        assertThat(panel.select("#caption").text()).isEqualTo("Patrol at dusk");
        assertThat(panel.select("#focalX").val()).isEqualTo("25");
        assertThat(panel.select("#focalY").val()).isEqualTo("70.5");
        MediaItem now = library.find(photo.id()).orElseThrow();
        assertThat(now.credit().line()).isEqualTo("Photo: Ana Ruiz / Coastal Agency (CC BY 4.0)");
        assertThat(now.crop(MediaItem.Ratio.SQUARE, 480).src()).contains("/1x1-250-705-");
    }

    @Test
    void aFocalPointOutsideThePhotoIsRefusedWithTheFormKept() {
        MediaItem photo = described("Keep", "", new Credit("", "", ""), "k.png");

        AdminSession.Response refused = owner().post("/admin/media/" + photo.id(), Map.of("caption", "Changed", "focalX", "140", "focalY", "x"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("two numbers from 0 to 100");
        assertThat(refused.page().select("#caption").text()).isEqualTo("Changed");
        assertThat(library.find(photo.id()).orElseThrow().caption()).isEqualTo("Keep");
    }

    @Test
    void aPhotoInUseIsNotDeletedAndThePanelSaysWhereItIsUsed() {
        MediaItem featured = described("Featured", "", new Credit("", "", ""), "l.png");
        MediaItem inBody = described("In body", "", new Credit("", "", ""), "m.png");
        long a = publishing.draft(ArticleDraft.of("Featured story " + featured.id(), "", "Body.").withFeaturedPhoto(featured.id(), "", "", ""));
        publishing.draft(ArticleDraft.of("Body story " + inBody.id(), "", "Text.\n\n![A boat](photo:" + inBody.id() + ")\n"));
        AdminSession owner = owner();

        assertThat(owner.get("/admin/media/" + featured.id()).page().select(".used-in a").eachAttr("href")).containsExactly("/admin/articles/" + a);
        AdminSession.Response refused = owner.post("/admin/media/" + inBody.id() + "/delete", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.page().select("[role=alert]").text()).contains("is used in 1 place");
        assertThat(refused.page().select(".refused-uses").text()).contains("Body story " + inBody.id());
        assertThat(library.find(inBody.id())).isPresent();
        assertThat(owner.post("/admin/media/" + featured.id() + "/delete", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void anUnusedPhotoIsDeletedWithEveryFileItWasServedAs() {
        MediaItem photo = described("Unused", "", new Credit("", "", ""), "n.png");
        assertThat(browser.get(photo.crop(MediaItem.Ratio.SQUARE, 480).src()).status()).isEqualTo(200);
        Path folder = library.root().resolve(photo.storageKey());
        assertThat(folder.resolve(photo.variants().get(0).width() + ".webp")).exists();

        AdminSession.Response deleted = owner().post("/admin/media/" + photo.id() + "/delete", Map.of());

        assertThat(deleted.status()).isEqualTo(302);
        assertThat(library.find(photo.id())).isEmpty();
        assertThat(Files.exists(folder)).isFalse();
        assertThat(browser.get(photo.src(480)).status()).isEqualTo(404);
    }

    @Test
    void aPhotoNumberInOneBodyIsNotMistakenForAnotherThatStartsWithTheSameDigits() {
        MediaItem first = described("First", "", new Credit("", "", ""), "o.png");
        String longer = first.id() + "0";
        publishing.draft(ArticleDraft.of("Other photo", "", "![x](photo:" + longer + ")"));

        assertThat(catalogue.usesOf(first.id())).isEmpty();
        assertThat(catalogue.search(new PhotoQuery("", "", null, null, true, ""), 0, 500).photos()).extracting(MediaItem::id).contains(first.id());
    }

    @Test
    void aPhotoPlacedInTheBodyIsAFigureWithItsCaptionCreditAndBothFormatsAtAKnownSize() {
        MediaItem photo = described("Destroyer in the strait", "A grey destroyer", new Credit("Ana Ruiz", "Fleet Unit", ""), "p.png");
        long id = publishing.draft(ArticleDraft.of("Figures " + photo.id(), "", "Before.\n\n![](photo:" + photo.id() + ")\n\nAfter, inline ![small](photo:"
                + photo.id() + ") and a missing ![gone](photo:987654321)."));
        publishing.publish(id);

        Document page = browser.get("/articles/" + slugOf(id)).page();

        var figure = page.selectFirst(".body figure.body-photo");
        assertThat(figure).isNotNull();
        assertThat(figure.select("figcaption .caption").text()).isEqualTo("Destroyer in the strait");
        assertThat(figure.select("figcaption .credit").text()).isEqualTo("Photo: Ana Ruiz / Fleet Unit");
        assertThat(figure.select("picture source[type=image/webp]").attr("srcset")).contains(".webp 480w");
        var img = figure.selectFirst("picture img");
        assertThat(img.attr("alt")).isEqualTo("A grey destroyer");
        // the 640 px original is kept at its own width too, and the body shows that (not 480, stretched)
        assertThat(img.attr("width")).isEqualTo("640");
        assertThat(img.attr("height")).isEqualTo("480");
        assertThat(img.attr("srcset")).contains("480w").contains("640w");
        assertThat(page.select(".body p picture img").attr("alt")).isEqualTo("small");
        assertThat(page.select(".body").html()).doesNotContain("987654321");
        assertThat(browser.get(figure.select("picture source").attr("srcset").split(" ")[0]).header("Content-Type")).isEqualTo("image/webp");
    }

    @Test
    void publishingAnArticleWhosePhotoLacksACreditAsksTheEditorToConfirm() {
        MediaItem uncredited = described("No credit", "Alt", new Credit("", "", ""), "q.png");
        AdminSession owner = owner();
        Map<String, String> form = new java.util.HashMap<>(Map.of("headline", "Uncredited " + uncredited.id(), "standfirst", "", "body", "Text.",
                "featuredMediaId", Long.toString(uncredited.id()), "action", "publish", "version", "0"));

        AdminSession.Response asked = owner.post("/admin/articles", form);

        assertThat(asked.status()).isEqualTo(422);
        assertThat(asked.page().select("#photos-problem").text()).contains("photo #" + uncredited.id() + " has no credit");
        assertThat(asked.page().select("input[name=confirmPhotos]")).hasSize(1);
        form.put("confirmPhotos", "yes");
        assertThat(owner.post("/admin/articles", form).status()).isEqualTo(302);
    }

    @Test
    void aSiteThatRefusesUncreditedPhotosDoesNotPublishEvenWhenConfirmed() {
        settings.update(Map.of(press.dispatch.site.Setting.MEDIA_MISSING_CREDIT.key(), "refuse"));
        try {
            MediaItem undescribed = described("No alt", "", new Credit("Kim", "", ""), "r.png");
            Map<String, String> form = Map.of("headline", "Undescribed " + undescribed.id(), "standfirst", "", "body",
                    "![](photo:" + undescribed.id() + ")", "action", "publish", "version", "0", "confirmPhotos", "yes");

            AdminSession.Response refused = owner().post("/admin/articles", form);

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.page().select("#photos-problem").text()).contains("has no alt text").contains("does not publish");
            assertThat(refused.page().select("input[name=confirmPhotos]")).isEmpty();
        } finally {
            settings.update(Map.of(press.dispatch.site.Setting.MEDIA_MISSING_CREDIT.key(), "confirm"));
        }
    }

    @Test
    void theArticlePageSharesItsPhotoCutToSixteenNineFourThreeAndSquareAroundTheFocalPoint() throws Exception {
        MediaItem photo = described("Shared", "Alt", new Credit("Ana", "", ""), "s.png", 2000, 1200);
        catalogue.describe(photo.id(), new MediaDetails("Shared", "Alt", new Credit("Ana", "", "")), 900, 100);
        long id = publishing.draft(ArticleDraft.of("Shared " + photo.id(), "", "Body.").withFeaturedPhoto(photo.id(), "", "", ""));
        publishing.publish(id);

        Document page = browser.get("/articles/" + slugOf(id)).page();

        String og = page.select("meta[property=og:image]").attr("content");
        assertThat(og).contains("/16x9-900-100-");
        String ld = page.select("script[type=application/ld+json]").html();
        assertThat(ld).contains("/16x9-900-100-").contains("/4x3-900-100-").contains("/1x1-900-100-");
        String square = og.replace("16x9", "1x1").replaceAll("-[0-9]+\\.jpg$", "-480.jpg");
        byte[] cut = browser.get(square.substring(square.indexOf("/media/"))).bytes();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(cut));
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(page.select(".featured picture source[type=image/webp]")).hasSize(1);
    }

    @Test
    void severalPhotosInOnePlainFormAreEachStoredOrRefusedByName() throws Exception {
        AdminSession owner = owner();
        String boundary = "----photos-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String csrf = owner.csrf();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes());
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nBatch\r\n").getBytes());
        for (String name : List.of("one.png", "two.png", "evil.svg")) {
            byte[] file = name.endsWith(".svg") ? "<svg onload=alert(1)></svg>".getBytes() : MediaLibraryTest.png(320, 200);
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + name
                    + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes());
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes());
        long before = library.count();

        AdminSession.Response answer = owner.postRaw("/admin/media/upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select("[role=status] > ul.upload-results > li")).as("a list inside the status region, not a list that is one")
                .isNotEmpty();
        assertThat(answer.page().select(".upload-results li").eachText()).anyMatch(t -> t.equals("evil.svg is not a JPEG, PNG or WebP image."))
                .filteredOn(t -> t.endsWith("added to the library.")).hasSize(2);
        assertThat(library.count()).isEqualTo(before + 2);
    }

    @Test
    void aCreditCorrectedInTheLibraryShowsAtOnceInTheFigureOfAPublishedBody() {
        MediaItem photo = described("Harbour", "Boats", new Credit("Wrong Name", "", ""), "t.png");
        long id = publishing.draft(ArticleDraft.of("Corrected " + photo.id(), "", "![](photo:" + photo.id() + ")"));
        publishing.publish(id);
        String path = "/articles/" + slugOf(id);
        assertThat(browser.get(path).page().select("figure.body-photo .credit").text()).isEqualTo("Photo: Wrong Name");

        owner().post("/admin/media/" + photo.id(), Map.of("caption", "Harbour at night", "alt", "Boats", "photographer", "Right Name",
                "agency", "", "licence", "", "focalX", "50", "focalY", "50"));

        Document page = browser.get(path).page();
        assertThat(page.select("figure.body-photo .credit").text()).isEqualTo("Photo: Right Name");
        assertThat(page.select("figure.body-photo .caption").text()).isEqualTo("Harbour at night");
    }
}
