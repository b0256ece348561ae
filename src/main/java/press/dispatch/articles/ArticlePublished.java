package press.dispatch.articles;

/** An article became public: published now, or its scheduled time came. Published once per transition. */
public record ArticlePublished(long articleId) {
}
