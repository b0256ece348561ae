package press.dispatch.newsletter;

/** What a newsletter email shows. Links that differ per recipient are placeholders until sending. */
public record EmailView(String siteName, String tagline, String headline, String standfirst, String articleUrl, String photoUrl, String photoAlt,
                        String photoCredit, String postalAddress, String manageUrl, String unsubscribeUrl) {
}
