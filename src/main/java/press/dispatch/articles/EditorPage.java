package press.dispatch.articles;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.media.MediaItem;

/**
 * The article editor.
 *
 * @param id        null for a new article
 * @param conflict  set when the save was refused because someone else saved first
 * @param publicUrl where readers find it, when published
 * @param zone      the site's time zone, in which a scheduled time is typed
 * @param current   the revision the article holds (the live one when published), null if not known
 * @param pending   changes kept for later, not live; null when none
 * @param panels    what other features show in the editor (see {@link ArticleAddition})
 */
public record EditorPage(AdminShell shell, Long id, ArticleForm form, Map<String, String> problems, String conflict, String status, boolean trashed,
                         String reviewState, String reviewNote, String publicUrl, String scheduledFor, List<Section> sections,
                         List<Author> authors, List<MediaItem> photos, boolean mayPublish, boolean mayUpload, boolean mayChooseAuthors, String zone,
                         Revision current, Revision pending, List<gg.jte.Content> panels) {

    public EditorPage(AdminShell shell, Long id, ArticleForm form, Map<String, String> problems, String conflict, String status, boolean trashed,
                      String reviewState, String reviewNote, String publicUrl, String scheduledFor, List<Section> sections,
                      List<Author> authors, List<MediaItem> photos, boolean mayPublish, boolean mayUpload, boolean mayChooseAuthors, String zone,
                      Revision current, Revision pending) {
        this(shell, id, form, problems, conflict, status, trashed, reviewState, reviewNote, publicUrl, scheduledFor, sections, authors, photos,
                mayPublish, mayUpload, mayChooseAuthors, zone, current, pending, List.of());
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
