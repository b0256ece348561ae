package press.dispatch.articles;

import java.util.function.UnaryOperator;

import gg.jte.Content;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.metadata.HeadMetadata;

/**
 * Something another feature adds to articles (live coverage adds its timeline): a part of the public page under the
 * body, a change to how the page describes itself, and a panel in the editor. Each method's default adds nothing.
 */
public interface ArticleAddition {

    /** What this feature adds to the story's public page, read once per page. */
    default OnPage onPage(Story story) {
        return OnPage.NOTHING;
    }

    /** A panel in the article's editor for this staff member; null for nothing. */
    default Content editorPanel(AdminShell shell, Staff staff, long articleId) {
        return null;
    }

    /**
     * @param underBody shown under the story's body; null for nothing
     * @param head      the page's head as this feature describes it, given the head without it (returns its argument unchanged for no change)
     */
    record OnPage(Content underBody, UnaryOperator<HeadMetadata> head) {
        public static final OnPage NOTHING = new OnPage(null, UnaryOperator.identity());
    }
}
