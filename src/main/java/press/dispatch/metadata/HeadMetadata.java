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

    /**
     * A large-image card only for a picture that fills one: at least 300 by 157 pixels (X's minimum) and no wider than
     * 2.5 to 1, since the card is cut to 2:1. A banner such as the 600 by 60 publisher logo is a small card's thumbnail.
     */
    public String twitterCard() {
        boolean large = image != null && image.width() >= 300 && image.height() >= 157 && image.width() <= 2.5 * image.height();
        return large ? "summary_large_image" : "summary";
    }
}
