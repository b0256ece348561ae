package press.dispatch.corrections;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import gg.jte.Content;
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
        ZoneId zone = settings.current().zone();
        List<CorrectionList.Shown> shown = corrections.listFor(articleId).stream().map(c -> shown(c, zone, null, null)).toList();
        return new CorrectionList(shown, shown.stream().anyMatch(s -> s.kind().equals("correction")));
    }

    static CorrectionList.Shown shown(Correction c, ZoneId zone, String headline, String href) {
        return new CorrectionList.Shown(c.kind().column(), c.kind().label(), c.text(), c.createdAt().atZone(zone).toOffsetDateTime().toString(),
                SHOWN.format(c.createdAt().atZone(zone)), c.amendedAt() != null, headline, href);
    }

    @Override
    public Content top(Story story) {
        CorrectionList notes = notes(story.article().id());
        return notes.flagged() ? output -> templates.render("corrections/flag.jte", notes, output) : null;
    }

    @Override
    public Content foot(Story story) {
        CorrectionList notes = notes(story.article().id());
        return notes.records().isEmpty() ? null : output -> templates.render("corrections/foot.jte", notes, output);
    }

    @Override
    public List<ArticleFacts.Correction> corrections(Story story) {
        return corrections.listFor(story.article().id()).stream()
                .filter(c -> c.kind() == Correction.Kind.CORRECTION)
                .map(c -> new ArticleFacts.Correction(c.text(), c.createdAt()))
                .toList();
    }
}
