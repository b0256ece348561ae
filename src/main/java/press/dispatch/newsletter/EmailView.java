package press.dispatch.newsletter;

import press.dispatch.site.MailFooter;

/** What a newsletter email shows. Links that differ per recipient (in the footer) are placeholders until sending. */
public record EmailView(String siteName, String tagline, String headline, String standfirst, String articleUrl, String photoUrl, String photoAlt,
                        String photoCredit, MailFooter footer) {
}
