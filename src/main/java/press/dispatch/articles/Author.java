package press.dispatch.articles;

public record Author(long id, String slug, String displayName, String bio) {

    public String href() {
        return "/authors/" + slug;
    }
}
