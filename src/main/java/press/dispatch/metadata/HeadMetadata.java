package press.dispatch.metadata;

import java.util.List;

/**
 * What one page says about itself in its {@code <head>}. Addresses are absolute; times are ISO 8601 with an offset.
 *
 * @param title        the document title (what a search result shows)
 * @param socialTitle  the title of a sharing card
 * @param type         the OpenGraph type: {@code website} or {@code article}
 * @param image        the sharing card's picture, or null
 * @param published    {@code article:published_time}, or null when not an article
 * @param modified     {@code article:modified_time}, or null when not an article
 * @param section      {@code article:section}, or null
 * @param jsonLd       JSON-LD documents, already safe to place inside {@code <script>}
 */
public record HeadMetadata(String title, String socialTitle, String description, String canonical, String type, String siteName,
                           String locale, SocialImage image, String published, String modified, String section, List<String> tags,
                           List<String> jsonLd) {

    public HeadMetadata {
        tags = List.copyOf(tags);
        jsonLd = List.copyOf(jsonLd);
    }

    /** A large-image card when there is a picture to show. */
    public String twitterCard() {
        return image == null ? "summary" : "summary_large_image";
    }
}
