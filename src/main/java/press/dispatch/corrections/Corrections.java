package press.dispatch.corrections;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.articles.Article;
import press.dispatch.articles.ArticleChanged;
import press.dispatch.articles.Publishing;
import press.dispatch.newsletter.Newsletters;
import press.dispatch.platform.Outbox;
import press.dispatch.site.MailFooter;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;
import press.dispatch.subscriptions.Subscriptions;

/**
 * Adds and amends corrections. A record is never deleted; an amendment keeps the wording it replaces. Every change
 * refreshes the article's pages and feeds (as {@link ArticleChanged}) and the corrections page.
 */
@Service
public class Corrections {

    static final int MAX_TEXT = 2_000;
    private static final Logger log = LoggerFactory.getLogger(Corrections.class);

    private final CorrectionRepository corrections;
    private final Publishing publishing;
    private final Newsletters newsletters;
    private final Outbox outbox;
    private final SiteSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Subscriptions subscriptions;

    Corrections(CorrectionRepository corrections, Publishing publishing, Newsletters newsletters, Outbox outbox, SiteSettings settings, Clock clock,
                ApplicationEventPublisher events, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.corrections = corrections;
        this.publishing = publishing;
        this.newsletters = newsletters;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Adds a record to an article. With {@code emailReaders}, each address the article was emailed to gets a short
     * correction email (queued in the same transaction), and nobody else.
     */
    @Transactional
    public long add(Staff staff, long articleId, String kind, String text, boolean emailReaders) {
        allowed(staff);
        Article article = publishing.get(articleId);
        Correction.Kind k = check(kind, text);
        long id = corrections.insert(articleId, k, text.strip(), clock.instant(), staff.id(), staff.displayName());
        if (emailReaders) {
            List<String> recipients = newsletters.recipientsOf(articleId);
            Settings site = settings.current();
            String link = site.baseUrl() + "/articles/" + article.slug();
            String reason = "You get this email because " + site.name() + " emailed you this article as a subscriber.";
            for (String to : recipients) {
                // The newsletter's own one-click unsubscribe (RFC 8058): the reader got the article as a subscriber.
                Optional<String> unsubscribe = subscriptions.unsubscribeUrlOf(to);
                MailFooter footer = unsubscribe.map(url -> MailFooter.of(site, reason, new MailFooter.Link("Unsubscribe", url)))
                        .orElseGet(() -> MailFooter.of(site, reason));
                outbox.enqueue(to, k.label() + ": " + article.headline(), k.label() + " to \"" + article.headline() + "\", which we emailed you:\n\n"
                        + text.strip() + "\n\nRead the article as it stands now: " + link + "\n\n" + footer.text(),
                        unsubscribe.map(url -> Map.of("List-Unsubscribe", "<" + url + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
                                .orElse(Map.of()));
            }
            corrections.countEmailed(id, recipients.size());
            log.info("Correction {} on article {} emailed to {} earlier recipients", id, articleId, recipients.size());
        }
        changed(article);
        return id;
    }

    /** Replaces a record's kind and text; the earlier wording stays in its history. */
    @Transactional
    public void amend(Staff staff, long articleId, long id, String kind, String text) {
        allowed(staff);
        Correction before = corrections.find(id).filter(c -> c.articleId() == articleId)
                .orElseThrow(() -> new NoSuchElementException("No correction " + id + " on article " + articleId));
        Correction.Kind k = check(kind, text);
        if (k == before.kind() && text.strip().equals(before.text())) {
            return;
        }
        corrections.amend(before, k, text.strip(), clock.instant(), staff.id(), staff.displayName());
        changed(publishing.get(articleId));
    }

    /** An article's records, oldest first. */
    public List<Correction> listFor(long articleId) {
        return corrections.listByArticle(articleId);
    }

    /** The newest records across the site. */
    public List<Correction> listNewest(int limit) {
        return corrections.listNewest(limit);
    }

    Correction get(long articleId, long id) {
        return corrections.find(id).filter(c -> c.articleId() == articleId)
                .orElseThrow(() -> new NoSuchElementException("No correction " + id + " on article " + articleId));
    }

    /** The article, or NoSuchElementException. */
    Article article(long articleId) {
        return publishing.get(articleId);
    }

    List<Correction.Amendment> amendments(long id) {
        return corrections.amendments(id);
    }

    private static void allowed(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new AccessDeniedException("Only editors add and amend corrections.");
        }
    }

    private static Correction.Kind check(String kind, String text) {
        Map<String, String> problems = new LinkedHashMap<>();
        Correction.Kind k = Correction.Kind.parse(kind);
        if (k == null) {
            problems.put("kind", "Choose correction, clarification or update.");
        }
        if (text == null || text.isBlank()) {
            problems.put("text", "Say what was wrong, unclear or new.");
        } else if (text.strip().length() > MAX_TEXT) {
            problems.put("text", "At most " + MAX_TEXT + " characters.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidCorrectionException(problems);
        }
        return k;
    }

    private void changed(Article article) {
        publishing.touch(article.id(), clock.instant());
        Set<Long> sections = new HashSet<>();
        if (article.sectionId() != null) {
            sections.add(article.sectionId());
        }
        events.publishEvent(new ArticleChanged(article.id(), sections, Set.copyOf(article.tagIds()), Set.copyOf(article.authorIds())));
        events.publishEvent(new CorrectionsChanged(article.id()));
    }

    /** The site's corrections page changed. */
    record CorrectionsChanged(long articleId) {
    }

    Instant now() {
        return clock.instant();
    }
}
