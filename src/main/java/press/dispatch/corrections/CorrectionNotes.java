package press.dispatch.corrections;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import gg.jte.TemplateEngine;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import press.dispatch.articles.Story;
import press.dispatch.articles.StoryNotes;
import press.dispatch.metadata.ArticleFacts;
import press.dispatch.site.SiteSettings;

/** An article's corrections on its page: a flag at the top when any is a correction, every record at the foot. */
@Component
@Order(10)
class CorrectionNotes implements StoryNotes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final Corrections corrections;
    private final TemplateEngine templates;
    private final SiteSettings settings;

    CorrectionNotes(Corrections corrections, TemplateEngine templates, SiteSettings settings) {
        this.corrections = corrections;
        this.templates = templates;
        this.settings = settings;
    }

    CorrectionList notes(long articleId) {
        return list(corrections.listFor(articleId));
    }

    private CorrectionList list(List<Correction> found) {
        ZoneId zone = settings.current().zone();
        List<CorrectionList.Shown> shown = found.stream().map(c -> shown(c, zone, null, null)).toList();
        return new CorrectionList(shown, shown.stream().anyMatch(s -> s.kind().equals("correction")));
    }

    static CorrectionList.Shown shown(Correction c, ZoneId zone, String headline, String href) {
        return new CorrectionList.Shown(c.kind().column(), c.kind().label(), c.text(), c.createdAt().atZone(zone).toOffsetDateTime().toString(),
                SHOWN.format(c.createdAt().atZone(zone)), c.amendedAt() != null, headline, href);
    }

    /** One read of the article's corrections: the flag at the top, the records at the foot, and the structured data's list. */
    @Override
    public Notes notes(Story story) {
        List<Correction> found = corrections.listFor(story.article().id());
        if (found.isEmpty()) {
            return Notes.NONE;
        }
        CorrectionList notes = list(found);
        return new Notes(notes.flagged() ? output -> templates.render("corrections/flag.jte", notes, output) : null,
                output -> templates.render("corrections/foot.jte", notes, output),
                found.stream().filter(c -> c.kind() == Correction.Kind.CORRECTION).map(c -> new ArticleFacts.Correction(c.text(), c.createdAt())).toList());
    }
}
