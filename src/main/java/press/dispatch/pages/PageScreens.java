package press.dispatch.pages;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/** Page records of the public page and the newsroom's page screens. */
public final class PageScreens {

    private PageScreens() {
    }

    /**
     * @param preview null for readers; for staff, a sentence saying which version this is
     * @param head    how the page describes itself to search engines; null for a preview
     */
    public record PublicPage(Shell shell, String title, String bodyHtml, String preview, String editorHref, String correctionsHref,
                             HeadMetadata head) {

        public PublicPage(Shell shell, String title, String bodyHtml, String preview, String editorHref) {
            this(shell, title, bodyHtml, preview, editorHref, null, null);
        }
    }

    public record ListPage(AdminShell shell, List<Page> pages) {
    }

    /** @param id null for a page not saved yet */
    public record EditorPage(AdminShell shell, Long id, Page page, PageForm form, Map<String, String> problems, String conflict) {
        public String problem(String field) {
            return problems.get(field);
        }

        public String status() {
            return page == null ? "draft" : page.status();
        }
    }

    public record RevisionsPage(AdminShell shell, long pageId, String title, List<PageRevision> revisions, int version) {
    }
}
