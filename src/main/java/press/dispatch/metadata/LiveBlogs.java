package press.dispatch.metadata;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import press.dispatch.site.SiteSettings;

/**
 * Describes a live page: the article's {@code NewsArticle} becomes a {@code LiveBlogPosting} with its coverage times
 * and each entry as a {@code BlogPosting} in {@code liveBlogUpdate}, newest first.
 */
@Service
public class LiveBlogs {

    private final SiteSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    LiveBlogs(SiteSettings settings) {
        this.settings = settings;
    }

    /**
     * One entry of the live page.
     *
     * @param anchor   the entry's id on the page, without '#'
     * @param headline a short plain-text summary
     * @param body     the entry as plain text
     * @param modified when it was edited, or null
     */
    public record Update(String anchor, String headline, String body, Instant posted, Instant modified, String author) {
    }

    /** The article's head, its JSON-LD describing a live blog; {@code end} is null while coverage goes on. */
    public HeadMetadata liveBlog(HeadMetadata article, Instant start, Instant end, List<Update> updates) {
        ZoneId zone = settings.current().zone();
        List<String> documents = new ArrayList<>();
        Instant latest = updates.stream().map(u -> u.modified() == null ? u.posted() : u.modified()).max(Instant::compareTo).orElse(null);
        String modifiedTime = article.modified();
        if (latest != null && (modifiedTime == null || latest.isAfter(java.time.OffsetDateTime.parse(modifiedTime).toInstant()))) {
            modifiedTime = iso(latest, zone); // article:modified_time as the JSON-LD's dateModified: the newest update
        }
        for (String document : article.jsonLd()) {
            JsonNode node = json.readTree(document);
            if (node instanceof ObjectNode object && "NewsArticle".equals(object.path("@type").asString())) {
                object.put("@type", "LiveBlogPosting");
                object.put("coverageStartTime", iso(start, zone));
                if (end != null) {
                    object.put("coverageEndTime", iso(end, zone));
                }
                String modified = object.path("dateModified").asString("");
                if (latest != null && (modified.isEmpty() || latest.isAfter(java.time.OffsetDateTime.parse(modified).toInstant()))) {
                    object.put("dateModified", iso(latest, zone));
                }
                ArrayNode list = object.putArray("liveBlogUpdate");
                for (Update update : updates) {
                    ObjectNode posting = list.addObject();
                    posting.put("@type", "BlogPosting");
                    posting.put("@id", article.canonical() + "#" + update.anchor());
                    posting.put("url", article.canonical() + "#" + update.anchor());
                    posting.put("headline", update.headline());
                    posting.put("articleBody", update.body());
                    posting.put("datePublished", iso(update.posted(), zone));
                    posting.put("dateModified", iso(update.modified() == null ? update.posted() : update.modified(), zone));
                    ObjectNode author = posting.putObject("author");
                    author.put("@type", "Person");
                    author.put("name", update.author());
                }
                documents.add(safe(object));
            } else {
                documents.add(document);
            }
        }
        return new HeadMetadata(article.title(), article.socialTitle(), article.description(), article.canonical(), article.type(), article.siteName(),
                article.locale(), article.image(), article.published(), modifiedTime, article.section(), article.tags(), documents);
    }

    private static String iso(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    /** As {@link PageDescriptions}: JSON that cannot end its {@code <script>} element, whatever the text inside. */
    private String safe(ObjectNode node) {
        return json.writeValueAsString(node).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
