package press.dispatch.accounts;

/** What a role allows. Each is also a Spring Security authority of the same name. */
public enum Permission {
    /** write articles and edit one's own drafts */
    WRITE,
    /** upload photos to the library */
    UPLOAD,
    /** publish, schedule and unpublish one's own articles */
    PUBLISH_OWN,
    /** edit and publish anyone's articles; review queue; the site's sections and tags */
    PUBLISH_ANY,
    /** the comment moderation queue */
    MODERATE,
    /** subscriber lists, import and export */
    SUBSCRIBERS,
    /** site settings */
    SETTINGS,
    /** staff accounts and API keys */
    STAFF,
    /** find, export and erase everything held about one person (data-protection requests) */
    PERSONAL_DATA
}
