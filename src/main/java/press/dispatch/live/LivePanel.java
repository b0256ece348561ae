package press.dispatch.live;

import press.dispatch.admin.AdminShell;

/** The live coverage panel in the article editor; {@code started} is null when the article has never been live. */
public record LivePanel(AdminShell shell, long articleId, EntryView.Moment started, EntryView.Moment ended) {
}
