package press.dispatch.release;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.stereotype.Component;

import press.dispatch.articles.Article;
import press.dispatch.articles.InvalidArticleException;
import press.dispatch.articles.PublicationGate;
import press.dispatch.site.SiteSettings;

/**
 * Refuses to let an article go public before its embargo, or at all when it is sensitive and no release is being
 * granted. Asked by {@link press.dispatch.articles.Publishing} on every publish and schedule, whoever asks.
 */
@Component
class ReleaseGate implements PublicationGate {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReleaseRepository releases;
    private final SiteSettings settings;
    private final Clock clock;

    ReleaseGate(ReleaseRepository releases, SiteSettings settings, Clock clock) {
        this.releases = releases;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void check(Article article, Instant at) {
        Hold hold = releases.hold(article.id()).orElse(null);
        if (hold == null) {
            return;
        }
        String field = at.isAfter(clock.instant()) ? "publishAt" : "status";
        if (hold.embargoUntil() != null && at.isBefore(hold.embargoUntil())) {
            throw new InvalidArticleException(Map.of(field, "Embargoed until " + SHOWN.format(hold.embargoUntil().atZone(settings.current().zone()))
                    + " (" + settings.current().zone() + "): it cannot be published or scheduled before then."));
        }
        if (hold.sensitive() && !releases.approving(article.id())) {
            throw new InvalidArticleException(Map.of(field,
                    "This article is sensitive: a second editor must approve its publication. Ask for release on its Release screen."));
        }
    }
}
