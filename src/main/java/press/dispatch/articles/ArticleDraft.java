package press.dispatch.articles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an editor writes. A blank slug is made from the headline.
 *
 * @param tags tag names; unknown ones are created
 */
public record ArticleDraft(String headline, String slug, String standfirst, String bodyMarkdown, Long sectionId, List<Long> authorIds,
                           List<String> tags, Long featuredMediaId, String featuredCaption, String featuredCredit, String featuredAlt,
                           boolean webOnly, boolean commentsOpen) {

    static final int MAX_HEADLINE = 200;
    static final int MAX_STANDFIRST = 600;
    static final int MAX_BODY = 200_000;
    static final int MAX_TAGS = 30;

    public ArticleDraft {
        headline = clean(headline);
        slug = clean(slug);
        standfirst = clean(standfirst);
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown.replace("\r\n", "\n");
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
        tags = tags == null ? List.of() : tags.stream().map(ArticleDraft::clean).filter(t -> !t.isEmpty()).distinct().toList();
        featuredCaption = clean(featuredCaption);
        featuredCredit = clean(featuredCredit);
        featuredAlt = clean(featuredAlt);
    }

    /** A draft with only the essentials; the rest can be added with the {@code with…} methods. */
    public static ArticleDraft of(String headline, String standfirst, String bodyMarkdown) {
        return new ArticleDraft(headline, null, standfirst, bodyMarkdown, null, List.of(), List.of(), null, "", "", "", false, true);
    }

    public ArticleDraft withSection(Long id) {
        return new ArticleDraft(headline, slug, standfirst, bodyMarkdown, id, authorIds, tags, featuredMediaId, featuredCaption, featuredCredit,
                featuredAlt, webOnly, commentsOpen);
    }

    public ArticleDraft withAuthors(List<Long> ids) {
        return new ArticleDraft(headline, slug, standfirst, bodyMarkdown, sectionId, ids, tags, featuredMediaId, featuredCaption, featuredCredit,
                featuredAlt, webOnly, commentsOpen);
    }

    public ArticleDraft withTags(List<String> names) {
        return new ArticleDraft(headline, slug, standfirst, bodyMarkdown, sectionId, authorIds, names, featuredMediaId, featuredCaption,
                featuredCredit, featuredAlt, webOnly, commentsOpen);
    }

    public ArticleDraft withSlug(String newSlug) {
        return new ArticleDraft(headline, newSlug, standfirst, bodyMarkdown, sectionId, authorIds, tags, featuredMediaId, featuredCaption,
                featuredCredit, featuredAlt, webOnly, commentsOpen);
    }

    public ArticleDraft withFeaturedPhoto(Long mediaId, String caption, String credit, String alt) {
        return new ArticleDraft(headline, slug, standfirst, bodyMarkdown, sectionId, authorIds, tags, mediaId, caption, credit, alt, webOnly,
                commentsOpen);
    }

    /** Field name to what is wrong with it; empty when the draft can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (headline.isEmpty()) {
            problems.put("headline", "A headline is required.");
        } else if (headline.length() > MAX_HEADLINE) {
            problems.put("headline", "The headline must be at most " + MAX_HEADLINE + " characters.");
        }
        if (!slug.isEmpty() && !Slugs.isValid(slug)) {
            problems.put("slug", "A slug may contain only lower-case letters, digits and single hyphens, at most " + Slugs.MAX_LENGTH + " characters.");
        }
        if (standfirst.length() > MAX_STANDFIRST) {
            problems.put("standfirst", "The standfirst must be at most " + MAX_STANDFIRST + " characters.");
        }
        if (bodyMarkdown.isBlank()) {
            problems.put("bodyMarkdown", "The body is required.");
        } else if (bodyMarkdown.length() > MAX_BODY) {
            problems.put("bodyMarkdown", "The body must be at most " + MAX_BODY + " characters.");
        }
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > 60)) {
            problems.put("tags", "At most " + MAX_TAGS + " tags of at most 60 characters each.");
        }
        if (featuredCaption.length() > 1000 || featuredCredit.length() > 300 || featuredAlt.length() > 500) {
            problems.put("featuredPhoto", "Caption, credit or alt text is too long.");
        }
        return problems;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    }
}
