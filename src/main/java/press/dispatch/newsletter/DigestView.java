package press.dispatch.newsletter;

import java.util.List;

import press.dispatch.site.MailFooter;

/** What a digest email shows: the window's stories in the reader's sections. Links in the footer are placeholders until sending. */
public record DigestView(String siteName, String tagline, String title, List<Item> items, MailFooter footer) {

    public record Item(String headline, String standfirst, String url, String section, String photoUrl, String photoAlt) {
    }
}
