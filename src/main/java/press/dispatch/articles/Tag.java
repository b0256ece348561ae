package press.dispatch.articles;

public record Tag(long id, String slug, String name) {

    public String href() {
        return "/tags/" + slug;
    }
}
