package press.dispatch.articles;

import gg.jte.Content;

import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/**
 * An article's page; {@code discussion} is its comments section (empty when comments are off). {@code preview} is
 * set only on the newsroom's preview, which says so in a banner. {@code head} is how the page describes itself to
 * search engines and sharing cards (null: only its title and standfirst). {@code notes} is what other features show
 * above the body, under it and at the story's foot.
 */
public record ArticlePage(Shell shell, Story story, long comments, Content discussion, Preview preview, HeadMetadata head, Notes notes) {

    public ArticlePage(Shell shell, Story story, long comments, Content discussion) {
        this(shell, story, comments, discussion, null, null);
    }

    public ArticlePage(Shell shell, Story story, long comments, Content discussion, Preview preview, HeadMetadata head) {
        this(shell, story, comments, discussion, preview, head, Notes.NONE);
    }

    /**
     * What other features add to the story: above the body and at its foot ({@link StoryNotes}: corrections, its
     * thread), and under the body ({@link ArticleAddition}: a live timeline).
     */
    public record Notes(java.util.List<Content> top, java.util.List<Content> underBody, java.util.List<Content> foot) {
        public static final Notes NONE = new Notes(java.util.List.of(), java.util.List.of(), java.util.List.of());
    }

    /**
     * @param version    which version is shown, in a sentence
     * @param editorHref where the editor is
     */
    public record Preview(String version, String editorHref) {
    }
}
