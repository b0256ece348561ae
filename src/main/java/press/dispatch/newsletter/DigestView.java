package press.dispatch.newsletter;

import java.util.List;

/** What a digest email shows: the window's stories in the reader's sections. */
public record DigestView(String siteName, String tagline, String title, List<Item> items, String postalAddress, String manageUrl,
                         String unsubscribeUrl) {

    public record Item(String headline, String standfirst, String url, String section, String photoUrl, String photoAlt) {
    }
}
