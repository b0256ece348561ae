package press.dispatch.site;

import java.util.Optional;

/** The uploaded site icon's version, which every icon address carries; the icons feature implements it. */
public interface SiteIcon {

    /** Empty while no icon was uploaded: the neutral favicon answers at /favicon.ico. */
    Optional<String> version();
}
