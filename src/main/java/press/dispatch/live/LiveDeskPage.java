package press.dispatch.live;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.media.MediaItem;

/**
 * The live desk: the composer and the entries of one article's live page. {@code started} is null when the
 * article is not live yet; {@code form} holds the composer's fields (refilled after a refused post), and
 * {@code editing} the entry whose refused edit is shown again with {@code problems}.
 */
public record LiveDeskPage(AdminShell shell, long articleId, String headline, String publicUrl, EntryView.Moment started, EntryView.Moment ended,
                           boolean mayManage, List<DeskEntry> entries, List<MediaItem> photos, Map<String, String> form, Long editing,
                           Map<String, String> problems) {

    public boolean live() {
        return started != null && ended == null;
    }

    public String field(String name) {
        return form.getOrDefault(name, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }

    /** An entry as readers see it, with what the editor's fields hold. */
    public record DeskEntry(EntryView view, Entry entry) {
    }
}
