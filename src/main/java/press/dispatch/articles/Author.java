package press.dispatch.articles;

/** A byline. {@code photoMediaId} is their portrait in the photo library, or null. */
public record Author(long id, String slug, String displayName, String bio, Long photoMediaId) {

    public String href() {
        return "/authors/" + slug;
    }
}
