package press.dispatch.search;

import java.time.Instant;
import java.util.List;

/** One story found: its headline and a snippet of its body, with the words that matched marked. */
public record Hit(long articleId, String slug, List<Fragment> headline, List<Fragment> snippet, String sectionName, String sectionSlug,
                  Instant publishedAt) {

    public String href() {
        return "/articles/" + slug;
    }

    public String sectionHref() {
        return sectionSlug == null ? null : "/sections/" + sectionSlug;
    }
}
