package press.dispatch.metadata;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteLogo;
import press.dispatch.site.SiteSettings;

/** Describes the home page, listings, articles, galleries, their photos and static pages for search engines and sharing cards. */
@Service
public class PageDescriptions {

    private final SiteSettings settings;
    private final SingletonSupplier<SiteLogo> logos;
    private final JsonMapper json = JsonMapper.builder().build();

    PageDescriptions(SiteSettings settings, ObjectProvider<SiteLogo> logos) {
        this.settings = settings;
        this.logos = SingletonSupplier.of(logos::getIfAvailable);
    }

    /** The home page: the site as a {@code WebSite} whose search readers can use from a result. */
    public HeadMetadata home() {
        Settings site = settings.current();
        String base = site.baseUrl();
        ObjectNode website = document("WebSite");
        website.put("@id", base + "/#website");
        website.put("url", base + "/");
        website.put("name", site.name());
        website.put("description", site.description());
        website.put("inLanguage", site.language());
        website.set("publisher", publisher(site));
        ObjectNode action = website.putObject("potentialAction");
        action.put("@type", "SearchAction");
        ObjectNode target = action.putObject("target");
        target.put("@type", "EntryPoint");
        target.put("urlTemplate", base + "/search?q={search_term_string}");
        action.put("query-input", "required name=search_term_string");
        return new HeadMetadata(site.name() + " – " + site.tagline(), site.name(), site.description(), base + "/", "website", site.name(),
                ogLocale(site), logo(site), null, null, null, List.of(), List.of(safe(website)));
    }

    /**
     * A listing of stories (a section, tag, author or every story), as a {@code CollectionPage}.
     *
     * @param path site-relative address of its first page
     * @param page the page number, from 1
     */
    public HeadMetadata listing(String heading, String description, String path, int page) {
        Settings site = settings.current();
        String address = absolute(site, page > 1 ? path + "?page=" + page : path);
        String title = heading + (page > 1 ? " – page " + page : "") + " – " + site.name();
        String text = description == null || description.isBlank() ? heading + " – " + site.name() + ". " + site.description() : description;
        ObjectNode collection = page("CollectionPage", address, heading, text, site);
        collection.set("isPartOf", website(site));
        return new HeadMetadata(title, heading, text, address, "website", site.name(), ogLocale(site), logo(site), null, null, null, List.of(),
                List.of(safe(collection)));
    }

    /** An article, as a {@code NewsArticle} with its breadcrumbs. */
    public HeadMetadata article(ArticleFacts facts) {
        Settings site = settings.current();
        String address = absolute(site, facts.path());
        String published = iso(facts.published(), site.zone());
        String modified = iso(facts.modified() == null ? facts.published() : facts.modified(), site.zone());
        List<SocialImage> images = facts.images().stream()
                .map(i -> new SocialImage(absolute(site, i.url()), i.width(), i.height(), i.alt())).toList();

        ObjectNode article = document("NewsArticle");
        article.put("@id", address + "#article");
        ObjectNode page = article.putObject("mainEntityOfPage");
        page.put("@type", "WebPage");
        page.put("@id", address);
        article.put("url", address);
        article.put("headline", facts.headline());
        article.put("description", facts.description());
        article.put("inLanguage", site.language());
        if (!images.isEmpty()) {
            ArrayNode list = article.putArray("image");
            images.forEach(i -> list.add(i.url()));
        }
        article.put("datePublished", published);
        article.put("dateModified", modified);
        ArrayNode authors = article.putArray("author");
        for (ArticleFacts.Link author : facts.authors()) {
            ObjectNode person = authors.addObject();
            person.put("@type", "Person");
            person.put("name", author.name());
            person.put("url", absolute(site, author.path()));
        }
        if (facts.authors().isEmpty()) {
            authors.add(publisher(site));
        }
        article.set("publisher", publisher(site));
        if (facts.section() != null) {
            article.put("articleSection", facts.section().name());
        }
        if (!facts.tags().isEmpty()) {
            article.put("keywords", String.join(", ", facts.tags()));
        }
        article.put("isAccessibleForFree", true);
        if (!facts.corrections().isEmpty()) {
            ArrayNode corrections = article.putArray("correction");
            for (ArticleFacts.Correction c : facts.corrections()) {
                ObjectNode comment = corrections.addObject();
                comment.put("@type", "CorrectionComment");
                comment.put("text", c.text());
                comment.put("datePublished", iso(c.published(), site.zone()));
            }
        }

        ObjectNode breadcrumbs = document("BreadcrumbList");
        ArrayNode items = breadcrumbs.putArray("itemListElement");
        crumb(items, site.name(), site.baseUrl() + "/");
        if (facts.section() != null) {
            crumb(items, facts.section().name(), absolute(site, facts.section().path()));
        }
        crumb(items, facts.headline(), address);

        String title = (facts.searchTitle().isBlank() ? facts.headline() : facts.searchTitle()) + " – " + site.name();
        String socialTitle = facts.searchTitle().isBlank() ? facts.headline() : facts.searchTitle();
        return new HeadMetadata(title, socialTitle, facts.description(), address, "article", site.name(), ogLocale(site),
                images.isEmpty() ? logo(site) : images.get(0), published, modified, facts.section() == null ? null : facts.section().name(),
                facts.tags(), List.of(safe(article), safe(breadcrumbs)));
    }

    /**
     * A published gallery, as an {@code ImageGallery} whose {@code image} lists every photo as an {@code ImageObject}
     * with its credit and licence; the sharing card shows the first photo.
     *
     * @param path     site-relative address of the gallery
     * @param modified null when never changed since publication
     */
    public HeadMetadata gallery(String title, String description, String path, Instant published, Instant modified, List<PhotoFacts> photos) {
        Settings site = settings.current();
        String address = absolute(site, path);
        String text = description == null || description.isBlank()
                ? photos.size() + (photos.size() == 1 ? " photo: " : " photos: ") + title + " – " + site.name() + "."
                : description;
        ObjectNode gallery = page("ImageGallery", address, title, text, site);
        if (published != null) {
            gallery.put("datePublished", iso(published, site.zone()));
            gallery.put("dateModified", iso(modified == null || modified.isBefore(published) ? published : modified, site.zone()));
        }
        gallery.set("isPartOf", website(site));
        gallery.set("publisher", publisher(site));
        ArrayNode images = gallery.putArray("image");
        photos.forEach(p -> images.add(imageObject(site, p)));
        SocialImage image = photos.isEmpty() ? logo(site) : socialImage(site, photos.get(0), title);
        return new HeadMetadata(title + " – " + site.name(), title, text, address, "website", site.name(), ogLocale(site), image, null, null,
                null, List.of(), List.of(safe(gallery)));
    }

    /**
     * One photo of a gallery on its own page, as an {@code ImageObject} that is part of the gallery; the sharing card
     * shows the photo itself.
     *
     * @param position the photo's place in the gallery, from 1, of {@code count}
     */
    public HeadMetadata galleryPhoto(String galleryTitle, String galleryPath, int position, int count, PhotoFacts photo) {
        Settings site = settings.current();
        String address = absolute(site, photo.page());
        String name = photo.caption().isBlank() ? galleryTitle : photo.caption();
        String text = photo.caption().isBlank() ? "Photo " + position + " of " + count + " in " + galleryTitle + "." : photo.caption();
        ObjectNode image = imageObject(site, photo);
        ObjectNode described = document("ImageObject");
        described.put("@id", address);
        described.setAll(image);
        described.put("name", name);
        described.put("inLanguage", site.language());
        ObjectNode gallery = described.putObject("isPartOf");
        gallery.put("@type", "ImageGallery");
        gallery.put("@id", absolute(site, galleryPath));
        gallery.put("name", galleryTitle);
        gallery.put("url", absolute(site, galleryPath));
        return new HeadMetadata(name + " – " + galleryTitle + " – " + site.name(), name, text, address, "website", site.name(), ogLocale(site),
                socialImage(site, photo, name), null, null, null, List.of(), List.of(safe(described)));
    }

    /**
     * A static page (About, Privacy…), as a {@code WebPage}; its description is the start of its text.
     *
     * @param path     site-relative address
     * @param bodyHtml the page's rendered body
     */
    public HeadMetadata staticPage(String title, String path, String bodyHtml) {
        Settings site = settings.current();
        String address = absolute(site, path);
        String text = summary(bodyHtml, DESCRIPTION_LENGTH);
        if (text.isEmpty()) {
            text = title + " – " + site.name() + ". " + site.description();
        }
        ObjectNode page = page("WebPage", address, title, text, site);
        page.set("isPartOf", website(site));
        page.set("publisher", publisher(site));
        return new HeadMetadata(title + " – " + site.name(), title, text, address, "website", site.name(), ogLocale(site), logo(site), null, null,
                null, List.of(), List.of(safe(page)));
    }

    /** What a search result shows of a description at most: longer ones are cut. */
    public static final int DESCRIPTION_LENGTH = 160;

    /**
     * The text of an HTML fragment, tags stripped and entities decoded, cut at a word to at most {@code limit}
     * characters with an ellipsis when it went on.
     */
    public static String summary(String html, int limit) {
        String text = Jsoup.parseBodyFragment(html == null ? "" : html).text().replaceAll("\\s+", " ").strip();
        if (text.length() <= limit) {
            return text;
        }
        String cut = text.substring(0, limit); // room for the ellipsis: the word the limit fell in is dropped
        int space = cut.lastIndexOf(' ');
        if (space > limit / 2) {
            cut = cut.substring(0, space);
        } else {
            cut = cut.substring(0, limit - 1);
        }
        return cut.replaceAll("[\\s,;:.–-]+$", "") + "…";
    }

    private ObjectNode website(Settings site) {
        ObjectNode website = json.createObjectNode();
        website.put("@type", "WebSite");
        website.put("@id", site.baseUrl() + "/#website");
        website.put("name", site.name());
        website.put("url", site.baseUrl() + "/");
        return website;
    }

    private static SocialImage socialImage(Settings site, PhotoFacts photo, String fallbackAlt) {
        return new SocialImage(absolute(site, photo.src()), photo.width(), photo.height(), photo.alt().isBlank() ? fallbackAlt : photo.alt());
    }

    /**
     * A photo with what Google reads for image credits: {@code creditText}, {@code creator}, {@code copyrightNotice}
     * and {@code license} (only for a licence we can point at: an address, or a Creative Commons licence by name).
     */
    private ObjectNode imageObject(Settings site, PhotoFacts photo) {
        ObjectNode image = json.createObjectNode();
        image.put("@type", "ImageObject");
        image.put("contentUrl", absolute(site, photo.src()));
        image.put("url", absolute(site, photo.page()));
        if (!photo.caption().isBlank()) {
            image.put("caption", photo.caption());
        }
        image.put("width", photo.width());
        image.put("height", photo.height());
        List<String> credited = Stream.of(photo.photographer(), photo.organisation()).filter(n -> !n.isBlank()).toList();
        if (!credited.isEmpty()) {
            String names = String.join(" / ", credited);
            image.put("creditText", names);
            ObjectNode creator = image.putObject("creator");
            creator.put("@type", photo.photographer().isBlank() ? "Organization" : "Person");
            creator.put("name", photo.photographer().isBlank() ? photo.organisation() : photo.photographer());
            image.put("copyrightNotice", "© " + names);
        }
        licenceAddress(photo.licence()).ifPresent(url -> image.put("license", url));
        return image;
    }

    private static final Pattern CREATIVE_COMMONS =
            Pattern.compile("(?i)cc[\\s-]+(by(?:[\\s-]+(?:nc|sa|nd)){0,2})[\\s-]+([1-4]\\.[05])(?:\\s+international)?");
    private static final Set<String> CC_KINDS = Set.of("by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd");
    private static final Set<String> CC_VERSIONS = Set.of("1.0", "2.0", "2.5", "3.0", "4.0");

    /**
     * The address of a licence as the photo desk names it: an http(s) address as it is, a Creative Commons licence by its
     * short name ("CC BY-SA 4.0", "CC0"), "Public domain" as the Public Domain Mark; none for anything else ("All
     * rights reserved").
     */
    static Optional<String> licenceAddress(String licence) {
        String text = licence == null ? "" : licence.strip();
        if (text.matches("https?://[^\\s<>\"]+")) {
            return Optional.of(text);
        }
        if (text.matches("(?i)cc[\\s-]?(0|zero)([\\s-]+1\\.0)?( universal)?")) {
            return Optional.of("https://creativecommons.org/publicdomain/zero/1.0/");
        }
        if (text.equalsIgnoreCase("public domain")) {
            return Optional.of("https://creativecommons.org/publicdomain/mark/1.0/");
        }
        var m = CREATIVE_COMMONS.matcher(text);
        if (m.matches()) {
            String kind = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "-");
            if (CC_KINDS.contains(kind) && CC_VERSIONS.contains(m.group(2))) {
                return Optional.of("https://creativecommons.org/licenses/" + kind + "/" + m.group(2) + "/");
            }
        }
        return Optional.empty();
    }

    private static void crumb(ArrayNode items, String name, String url) {
        ObjectNode item = items.addObject();
        item.put("@type", "ListItem");
        item.put("position", items.size());
        item.put("name", name);
        item.put("item", url);
    }

    /** A page of this site described as {@code type}: its address (as id and url), name, description and language. */
    private ObjectNode page(String type, String address, String name, String description, Settings site) {
        ObjectNode node = document(type);
        node.put("@id", address);
        node.put("url", address);
        node.put("name", name);
        node.put("description", description);
        node.put("inLanguage", site.language());
        return node;
    }

    private ObjectNode document(String type) {
        ObjectNode node = json.createObjectNode();
        node.put("@context", "https://schema.org");
        node.put("@type", type);
        return node;
    }

    private ObjectNode publisher(Settings site) {
        ObjectNode publisher = json.createObjectNode();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("@id", site.baseUrl() + "/#publisher");
        publisher.put("name", site.name());
        publisher.put("url", site.baseUrl() + "/");
        SocialImage logo = logo(site);
        ObjectNode image = publisher.putObject("logo");
        image.put("@type", "ImageObject");
        image.put("url", logo.url());
        image.put("width", logo.width());
        image.put("height", logo.height());
        return publisher;
    }

    /** The logo photo chosen in Settings when there is one (at least 120 px tall), else the publisher logo address setting. */
    private SocialImage logo(Settings site) {
        String photo = site.get(Setting.LOGO_PHOTO);
        SiteLogo finder = logos.get();
        if (finder != null && photo != null && photo.matches("[1-9][0-9]{0,17}")) {
            Optional<SiteLogo.Logo> chosen = finder.find(Long.parseLong(photo), LOGO_HEIGHT);
            if (chosen.isPresent()) {
                return new SocialImage(absolute(site, chosen.get().src()), chosen.get().width(), chosen.get().height(), site.name());
            }
        }
        return new SocialImage(absolute(site, site.get(Setting.LOGO_URL)), LOGO_WIDTH, LOGO_HEIGHT, site.name());
    }

    static final int LOGO_WIDTH = 600;
    static final int LOGO_HEIGHT = 60;

    /** A site-relative address made absolute with the base URL; an absolute one is kept. */
    static String absolute(Settings site, String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return site.baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    private static String ogLocale(Settings site) {
        String country = site.locale().getCountry();
        return site.locale().getLanguage() + (country.isEmpty() ? "" : "_" + country);
    }

    private static String iso(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    /** JSON that cannot end its {@code <script>} element or open a comment in it, whatever the text inside. */
    private String safe(ObjectNode node) {
        return json.writeValueAsString(node).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
