package press.dispatch.articles;

import gg.jte.Content;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.metadata.HeadMetadata;

/**
 * Something another feature adds to articles (live coverage adds its timeline): a part of the public page under the
 * body, a change to how the page describes itself, and a panel in the editor. Each method's default adds nothing.
 */
public interface ArticleAddition {

    /** Shown under the story's body on its public page; null for nothing. */
    default Content underBody(Story story) {
        return null;
    }

    /** The story page's head as this feature describes it (returns {@code head} unchanged for no change). */
    default HeadMetadata head(Story story, HeadMetadata head) {
        return head;
    }

    /** A panel in the article's editor for this staff member; null for nothing. */
    default Content editorPanel(AdminShell shell, Staff staff, long articleId) {
        return null;
    }
}
