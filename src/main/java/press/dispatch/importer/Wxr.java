package press.dispatch.importer;

import java.util.List;
import java.util.Map;

/** What a WordPress export holds, one record per element the importer reads. Text is as WordPress wrote it. */
final class Wxr {

    private Wxr() {
    }

    record Site(String title, String link, String baseSiteUrl, String baseBlogUrl, String version) {
    }

    record Author(String id, String login, String email, String displayName, String firstName, String lastName) {
    }

    record Category(String termId, String slug, String parentSlug, String name, String description) {
    }

    record Tag(String termId, String slug, String name, String description) {
    }

    /** A category or tag on an item: {@code domain} is "category" or "post_tag". */
    record Term(String domain, String slug, String name) {
    }

    record Comment(long id, String author, String email, String url, String ip, String date, String dateGmt, String content,
                   String approved, String type, long parent) {
    }

    record Item(String title, String link, String creator, String guid, String content, String excerpt, long postId, String date,
                String dateGmt, String modifiedGmt, String commentStatus, String name, String status, long parent, String type,
                String attachmentUrl, String password, List<Term> terms, Map<String, String> meta, List<Comment> comments) {

        String meta(String key) {
            return meta.getOrDefault(key, "");
        }
    }

    /** Receives the parts of an export in the order they are read. */
    interface Visitor {
        default void site(Site site) {
        }

        default void author(Author author) {
        }

        default void category(Category category) {
        }

        default void tag(Tag tag) {
        }

        default void item(Item item) {
        }
    }
}
