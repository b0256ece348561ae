package press.dispatch.articles;

import java.util.Arrays;
import java.util.List;

/**
 * The editor's form as posted: kept as typed so a refused save shows the writer exactly what they wrote.
 *
 * @param tags      comma-separated; new ones are created on save
 * @param publishAt a local date and time in the site's time zone (for "schedule")
 * @param action    save, publish, schedule, submit, unpublish, trash, restore
 */
public record ArticleForm(String headline, String slug, String standfirst, String body, String sectionId, String tags, List<Long> authorIds,
                          String featuredMediaId, String featuredCaption, String featuredCredit, String featuredAlt, Boolean webOnly,
                          Boolean commentsOpen, Integer version, String action, String publishAt, String photoCaption,
                          String photoPhotographer, String photoAgency, String photoLicence, String photoAlt,
                          String searchTitle, String searchDescription, String socialMediaId) {

    public ArticleForm {
        headline = orEmpty(headline);
        slug = orEmpty(slug);
        standfirst = orEmpty(standfirst);
        body = orEmpty(body);
        sectionId = orEmpty(sectionId);
        tags = orEmpty(tags);
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
        featuredMediaId = orEmpty(featuredMediaId);
        featuredCaption = orEmpty(featuredCaption);
        featuredCredit = orEmpty(featuredCredit);
        featuredAlt = orEmpty(featuredAlt);
        webOnly = webOnly != null && webOnly;
        commentsOpen = commentsOpen != null && commentsOpen;
        version = version == null ? 0 : version;
        action = orEmpty(action);
        publishAt = orEmpty(publishAt);
        photoCaption = orEmpty(photoCaption);
        photoPhotographer = orEmpty(photoPhotographer);
        photoAgency = orEmpty(photoAgency);
        photoLicence = orEmpty(photoLicence);
        photoAlt = orEmpty(photoAlt);
        searchTitle = orEmpty(searchTitle);
        searchDescription = orEmpty(searchDescription);
        socialMediaId = orEmpty(socialMediaId);
    }

    /** A blank form for a new article (comments open). */
    static ArticleForm blank() {
        return new ArticleForm("", "", "", "", "", "", List.of(), "", "", "", "", false, true, 0, "", "", "", "", "", "", "", "", "", "");
    }

    static ArticleForm of(Article a, List<String> tagNames, int version) {
        return new ArticleForm(a.headline(), a.slug(), a.standfirst(), a.bodyMarkdown(), a.sectionId() == null ? "" : a.sectionId().toString(),
                String.join(", ", tagNames), a.authorIds(), a.featuredMediaId() == null ? "" : a.featuredMediaId().toString(), a.featuredCaption(),
                a.featuredCredit(), a.featuredAlt(), a.webOnly(), a.commentsOpen(), version, "", "", "", "", "", "", "", "", "", "");
    }

    /** The form holding a revision's text (changes kept for later), to go on editing them. */
    static ArticleForm of(ArticleDraft d, int version) {
        return new ArticleForm(d.headline(), d.slug(), d.standfirst(), d.bodyMarkdown(), d.sectionId() == null ? "" : d.sectionId().toString(),
                String.join(", ", d.tags()), d.authorIds(), d.featuredMediaId() == null ? "" : d.featuredMediaId().toString(), d.featuredCaption(),
                d.featuredCredit(), d.featuredAlt(), d.webOnly(), d.commentsOpen(), version, "", "", "", "", "", "", "", "", "", "");
    }

    ArticleForm withVersion(int newVersion) {
        return new ArticleForm(headline, slug, standfirst, body, sectionId, tags, authorIds, featuredMediaId, featuredCaption, featuredCredit,
                featuredAlt, webOnly, commentsOpen, newVersion, action, publishAt, photoCaption, photoPhotographer, photoAgency, photoLicence,
                photoAlt, searchTitle, searchDescription, socialMediaId);
    }

    ArticleForm withPhoto(long mediaId) {
        return new ArticleForm(headline, slug, standfirst, body, sectionId, tags, authorIds, Long.toString(mediaId), featuredCaption, featuredCredit,
                featuredAlt, webOnly, commentsOpen, version, action, publishAt, "", "", "", "", "", searchTitle, searchDescription, socialMediaId);
    }

    /** The draft this form describes; a section or photo id that is not a number counts as none. */
    ArticleDraft draft() {
        List<String> tagNames = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new ArticleDraft(headline, slug, standfirst, body, number(sectionId), authorIds, tagNames, number(featuredMediaId), featuredCaption,
                featuredCredit, featuredAlt, webOnly, commentsOpen);
    }

    /** The form with the article's search and sharing overrides filled in. */
    ArticleForm withOverrides(SearchOverrides o) {
        return new ArticleForm(headline, slug, standfirst, body, sectionId, tags, authorIds, featuredMediaId, featuredCaption, featuredCredit,
                featuredAlt, webOnly, commentsOpen, version, action, publishAt, photoCaption, photoPhotographer, photoAgency, photoLicence,
                photoAlt, o.title(), o.description(), o.socialMediaId() == null ? "" : o.socialMediaId().toString());
    }

    /** What search results and sharing cards show instead of the defaults; a photo id that is not a number counts as none. */
    SearchOverrides overrides() {
        return new SearchOverrides(searchTitle, searchDescription, number(socialMediaId));
    }

    public boolean hasAuthor(long id) {
        return authorIds.contains(id);
    }

    private static Long number(String s) {
        return s.matches("[0-9]{1,18}") ? Long.valueOf(s) : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
