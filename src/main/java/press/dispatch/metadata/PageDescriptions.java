package press.dispatch.metadata;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

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

/** Describes the home page, listings and articles for search engines and sharing cards. */
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
        ObjectNode collection = document("CollectionPage");
        collection.put("@id", address);
        collection.put("url", address);
        collection.put("name", heading);
        collection.put("description", text);
        collection.put("inLanguage", site.language());
        ObjectNode isPartOf = collection.putObject("isPartOf");
        isPartOf.put("@type", "WebSite");
        isPartOf.put("@id", site.baseUrl() + "/#website");
        isPartOf.put("name", site.name());
        isPartOf.put("url", site.baseUrl() + "/");
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

    private static void crumb(ArrayNode items, String name, String url) {
        ObjectNode item = items.addObject();
        item.put("@type", "ListItem");
        item.put("position", items.size());
        item.put("name", name);
        item.put("item", url);
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
