package press.dispatch.articles;

import java.util.Set;

/**
 * Something readers can see changed: an article was published, withdrawn, or edited while public.
 * Carries every section, tag and author the article belonged to before or after, so listings can be refreshed.
 */
public record ArticleChanged(long articleId, Set<Long> sectionIds, Set<Long> tagIds, Set<Long> authorIds) {
}
