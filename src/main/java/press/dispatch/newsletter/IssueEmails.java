package press.dispatch.newsletter;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.articles.StoryCard;
import press.dispatch.platform.SqlTime;
import press.dispatch.platform.MailTransport;
import press.dispatch.platform.Outbox;
import press.dispatch.site.MailFooter;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;
import press.dispatch.subscriptions.Cadence;
import press.dispatch.subscriptions.Recipient;
import press.dispatch.subscriptions.Subscriptions;

/**
 * Renders an issue once (HTML and plain text) and makes each recipient's message from it: only the manage and
 * unsubscribe links differ between recipients.
 */
@Component
class IssueEmails {

    private static final String MANAGE = "%%MANAGE_URL%%";
    private static final String UNSUBSCRIBE = "%%UNSUBSCRIBE_URL%%";

    private final TemplateEngine templates;
    private final Stories stories;
    private final SiteSettings settings;
    private final Subscriptions subscriptions;
    private final MailTransport transport;
    private final Outbox.Sender sender;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    IssueEmails(TemplateEngine templates, Stories stories, SiteSettings settings, Subscriptions subscriptions, MailTransport transport,
                Outbox.Sender sender, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.stories = stories;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.transport = transport;
        this.sender = sender;
    }

    record Rendered(String subject, String html, String text, String domain) {
    }

    /** The sections a recipient follows, as stored with their delivery ('' = every section). */
    static String variantOf(Set<Long> sections) {
        return sections.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Set<Long> sectionsOf(String variant) {
        return variant == null || variant.isEmpty() ? Set.of()
                : Arrays.stream(variant.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }

    /** The sections that have stories in a digest's window (a story with no section counts for every reader). */
    Set<Long> digestSections(long issueId, Instant from, Instant to) {
        Set<Long> sections = new HashSet<>();
        for (StoryCard card : stories.emailedBetween(from, to, Digests.WINDOW_STORIES)) {
            sections.add(card.section() == null ? -1L : card.section().id());
        }
        return sections;
    }

    /**
     * The issue's message for one recipient, with its deterministic Message-ID and one-click unsubscribe headers.
     * {@code articleId} is null for a digest, which lists the window's stories in the recipient's sections.
     */
    MimeMessage message(long issueId, Long articleId, String variant, Recipient recipient) throws MessagingException {
        String key = issueId + "|" + (articleId == null ? variant : "");
        Rendered r = rendered.computeIfAbsent(key, k -> articleId == null ? renderDigest(issueId, sectionsOf(variant)) : render(articleId));
        String manage = subscriptions.manageUrl(recipient.linkToken());
        String unsubscribe = subscriptions.unsubscribeUrl(recipient.linkToken());
        MimeMessage message = transport.newMessage("<issue-" + issueId + ".subscriber-" + recipient.subscriberId() + "@" + r.domain() + ">");
        // Built by hand rather than with MimeMessageHelper, which parses a MIME types file for every message.
        message.setFrom(sender.from());
        message.setReplyTo(new InternetAddress[] {sender.replyTo()});
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient.email(), true));
        message.setSubject(r.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(r.text().replace(MANAGE, manage).replace(UNSUBSCRIBE, unsubscribe), "UTF-8", "plain");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(r.html().replace(MANAGE, manage).replace(UNSUBSCRIBE, unsubscribe), "UTF-8", "html");
        html.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        // Only the https link (RFC 8058 one-click): Dispatch reads no inbound mail, so a mailto request would wait in the
        // desk's inbox for a person to act on it.
        MailTransport.setHeader(message, "List-Unsubscribe", "<" + unsubscribe + ">");
        MailTransport.setHeader(message, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        MailTransport.setHeader(message, "List-Id", listId(r.domain()));
        return message;
    }

    void forget(long issueId) {
        rendered.keySet().removeIf(k -> k.startsWith(issueId + "|"));
    }

    private String listId(String domain) {
        try {
            // RFC 2919: the list's name as a phrase (quoted or encoded by the library), then <newsletter.domain>.
            return new InternetAddress("newsletter." + domain, MailTransport.phrase(settings.current().name()), "UTF-8").toString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Rendered renderDigest(long issueId, Set<Long> follows) {
        record Window(String kind, Instant from, Instant to) {
        }
        Window window = jdbc.sql("SELECT kind, window_start, window_end FROM newsletter_issues WHERE id = :id").param("id", issueId)
                .query((rs, n) -> new Window(rs.getString("kind"), SqlTime.read(rs, "window_start"), SqlTime.read(rs, "window_end"))).single();
        Settings site = settings.current();
        String base = site.baseUrl();
        List<DigestView.Item> items = stories.emailedBetween(window.from(), window.to(), Digests.WINDOW_STORIES).stream()
                .filter(c -> follows.isEmpty() || c.section() == null || follows.contains(c.section().id()))
                .limit(Digests.MAX_STORIES)
                .map(c -> new DigestView.Item(c.headline(), c.standfirst(), base + c.href(), c.section() == null ? "" : c.section().name(),
                        c.photo() == null ? null : base + c.photo().src(), c.photo() == null ? "" : c.photo().alt()))
                .toList();
        // The subject counts what this reader's email holds, not every story of the window.
        String subject = Digests.subject(Cadence.valueOf(window.kind().toUpperCase(Locale.ROOT)), items.size(), site.name());
        DigestView view = new DigestView(site.name(), site.tagline(), subject, items, footer(site, "digest"));
        StringOutput html = new StringOutput();
        templates.render("newsletter/digest.jte", view, html);
        StringBuilder text = new StringBuilder(site.name()).append("\n").append(subject).append("\n\n");
        for (DigestView.Item item : items) {
            text.append(item.headline()).append("\n");
            if (!item.standfirst().isEmpty()) {
                text.append(item.standfirst()).append("\n");
            }
            text.append(item.url()).append("\n\n");
        }
        text.append(view.footer().text());
        String domain = sender.from().getAddress().replaceAll(".*@", "");
        return new Rendered(subject, html.toString(), text.toString(), domain);
    }

    /** The footer of an issue: why the reader gets this "email" or "digest", their links (placeholders) and the postal address. */
    private static MailFooter footer(Settings site, String what) {
        return MailFooter.of(site, "You get this " + what + " because you subscribed to " + site.name() + ".",
                new MailFooter.Link("Manage your subscription", MANAGE), new MailFooter.Link("Unsubscribe", UNSUBSCRIBE));
    }

    private Rendered render(long articleId) {
        Story story = stories.findById(articleId).orElseThrow(() -> new IllegalStateException("Article " + articleId + " is not public"));
        Settings site = settings.current();
        String base = site.baseUrl();
        String url = base + story.href();
        var photo = story.featured();
        EmailView view = new EmailView(site.name(), site.tagline(), story.article().headline(), story.article().standfirst(), url,
                photo == null ? null : base + photo.src(), photo == null ? "" : photo.alt(), photo == null ? "" : photo.credit(),
                footer(site, "email"));
        StringOutput html = new StringOutput();
        templates.render("newsletter/email.jte", view, html);
        String text = """
                %s
                %s

                %s

                %s

                Read the story: %s

                %s""".formatted(site.name(), site.tagline(), story.article().headline(), story.article().standfirst(), url, view.footer().text());
        String domain = sender.from().getAddress().replaceAll(".*@", "");
        return new Rendered(story.article().headline(), html.toString(), text, domain);
    }
}
