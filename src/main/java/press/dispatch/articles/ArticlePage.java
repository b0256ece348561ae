package press.dispatch.articles;

import gg.jte.Content;

import press.dispatch.site.Shell;

/**
 * An article's page; {@code discussion} is its comments section (empty when comments are off). {@code preview} is
 * set only on the newsroom's preview, which says so in a banner.
 */
public record ArticlePage(Shell shell, Story story, long comments, Content discussion, Preview preview) {

    public ArticlePage(Shell shell, Story story, long comments, Content discussion) {
        this(shell, story, comments, discussion, null);
    }

    /**
     * @param version    which version is shown, in a sentence
     * @param editorHref where the editor is
     */
    public record Preview(String version, String editorHref) {
    }
}
