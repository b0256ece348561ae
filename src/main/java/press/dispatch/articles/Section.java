package press.dispatch.articles;

public record Section(long id, String slug, String name, String description, int position) {

    public String href() {
        return "/sections/" + slug;
    }
}
