package press.dispatch.site;

import java.util.Optional;

/** Where the site's privacy policy is, when it has one; the pages feature implements it. */
public interface PrivacyPolicy {

    Optional<String> href();
}
