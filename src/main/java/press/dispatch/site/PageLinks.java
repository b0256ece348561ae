package press.dispatch.site;

import java.util.List;
import java.util.Optional;

/** Links to the site's static pages (About, Privacy…) in the layout; the pages feature implements it. */
public interface PageLinks {

    /** Every published page, by title: the footer's links. */
    List<NavLink> footer();

    /** Where the published privacy policy is, when there is one. */
    Optional<String> privacyHref();
}
