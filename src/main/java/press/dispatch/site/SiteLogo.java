package press.dispatch.site;

import java.util.Optional;

/** Finds the photo chosen as the site's logo; the media feature implements it. Empty when the photo is gone. */
public interface SiteLogo {

    /**
     * @param photoId the {@link Setting#LOGO_PHOTO} setting
     * @param height  the height the logo is shown at, in CSS pixels: the picture chosen is at least twice as tall
     */
    Optional<Logo> find(long photoId, int height);

    /** The newest photos of the library, which Settings offers as the logo. */
    java.util.List<Candidate> candidates(int limit);

    /** A photo Settings offers: its number and how to name it. */
    record Candidate(long photoId, String label) {
    }

    /** A picture of the logo and its size in pixels. */
    record Logo(String src, int width, int height) {
    }
}
