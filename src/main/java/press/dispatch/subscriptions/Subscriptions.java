package press.dispatch.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.platform.JobRuns;
import press.dispatch.platform.Outbox;
import press.dispatch.platform.Signatures;
import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * Double opt-in subscriptions. Every answer to "subscribe this address" is the same whether or not we know the
 * address; what differs is only which email goes to it (a confirmation, or "you are already subscribed").
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    static final String CONFIRM = "confirm";
    static final String LINK = "subscriber";
    static final Duration CONFIRM_VALID_FOR = Duration.ofDays(2);
    static final int CONFIRMATION_EMAILS_PER_DAY = 3;
    /** Version of the subscribe form's consent wording, recorded with each consent. */
    static final String FORM_VERSION = "subscribe-box-v1";
    private static final String ERASE_IPS_CRON = "${dispatch.subscriptions.erase-ips-cron:0 17 3 * * *}";

    private final SubscriberRepository subscribers;
    private final Signatures signatures;
    private final Outbox outbox;
    private final SiteSettings settings;
    private final Clock clock;
    private final Duration ipRetention;
    private final JobRuns jobRuns;
    private final String eraseIpsCron;

    Subscriptions(SubscriberRepository subscribers, Signatures signatures, Outbox outbox, SiteSettings settings, Clock clock,
                  @org.springframework.beans.factory.annotation.Value("${dispatch.subscriptions.ip-retention-days:30}") int ipRetentionDays,
                  JobRuns jobRuns, @org.springframework.beans.factory.annotation.Value(ERASE_IPS_CRON) String eraseIpsCron) {
        this.jobRuns = jobRuns;
        this.eraseIpsCron = eraseIpsCron;
        this.subscribers = subscribers;
        this.signatures = signatures;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.ipRetention = Duration.ofDays(ipRetentionDays);
    }

    /** Starts a subscription, or reminds a subscriber they have one. Throws only for an address we cannot use. */
    @Transactional
    public void subscribe(String email, String ip) {
        EmailAddresses.Result checked = EmailAddresses.check(email);
        String address = checked.address().orElseThrow(() -> new InvalidEmailException(checked.problem()));
        Instant now = clock.instant();
        Optional<SubscriberRepository.Row> known = subscribers.findByEmail(address);
        if (known.isEmpty()) {
            long id = subscribers.insertPending(address, FORM_VERSION, ip, now);
            sendConfirmation(id, address);
            return;
        }
        SubscriberRepository.Row row = known.get();
        switch (row.status()) {
            case "pending", "unsubscribed" -> {
                subscribers.renewConsent(row.id(), FORM_VERSION, ip, now);
                if (subscribers.countConfirmationEmail(row, CONFIRMATION_EMAILS_PER_DAY, now)) {
                    sendConfirmation(row.id(), address);
                }
            }
            case "confirmed" -> {
                if (subscribers.countConfirmationEmail(row, CONFIRMATION_EMAILS_PER_DAY, now)) {
                    sendAlreadySubscribed(row.id(), address);
                }
            }
            default -> log.info("Subscribe request for suppressed subscriber {} ignored", row.id());
        }
    }

    /** Confirms the subscriber a confirmation token names; empty if the token is broken or expired. */
    @Transactional
    public Optional<Subscriber> confirm(String token) {
        Optional<Long> id = signatures.verify(CONFIRM, token == null ? "" : token).map(Long::valueOf);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        subscribers.confirm(id.get(), clock.instant());
        return find(id.get()).filter(Subscriber::confirmed);
    }

    /** The subscriber a link token (from any of our emails) names. */
    public Optional<Subscriber> findByLink(String token) {
        return signatures.verify(LINK, token == null ? "" : token).map(Long::valueOf).flatMap(this::find);
    }

    @Transactional
    public Optional<Subscriber> choose(String token, Cadence cadence, Set<Long> sectionIds) {
        Optional<Subscriber> subscriber = findByLink(token).filter(Subscriber::confirmed);
        subscriber.ifPresent(s -> subscribers.choose(s.id(), cadence, sectionIds, clock.instant()));
        return subscriber.flatMap(s -> find(s.id()));
    }

    /** Unsubscribes at once; true if the token named a subscriber (already unsubscribed counts). */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<Subscriber> subscriber = findByLink(token);
        subscriber.ifPresent(s -> subscribers.unsubscribe(s.id(), clock.instant()));
        return subscriber.isPresent();
    }

    /** A permanent delivery failure: no more mail to this address until the subscriber subscribes anew. */
    @Transactional
    public void suppress(long subscriberId, String reason) {
        subscribers.suppress(subscriberId, reason, clock.instant());
    }

    /** Everyone who should get a post from this section as it is published, confirmed before {@code frozenAt}. */
    public void forEachPostRecipient(Long sectionId, Instant frozenAt, Consumer<Recipient> sink) {
        subscribers.eachPostAudience(sectionId, frozenAt, a -> sink.accept(new Recipient(a.id(), a.email(), linkToken(a.id()))));
    }

    /** Everyone on this digest cadence confirmed before {@code frozenAt}, with the sections they follow (empty: all). */
    public void forEachDigestRecipient(Cadence cadence, Instant frozenAt, java.util.function.BiConsumer<Recipient, Set<Long>> sink) {
        subscribers.digestAudience(cadence, frozenAt, (a, sections) -> sink.accept(new Recipient(a.id(), a.email(), linkToken(a.id())), sections));
    }

    public String linkToken(long subscriberId) {
        return signatures.sign(LINK, Long.toString(subscriberId), null);
    }

    public String manageUrl(String linkToken) {
        return settings.current().baseUrl() + "/subscriptions/manage?token=" + linkToken;
    }

    public String unsubscribeUrl(String linkToken) {
        return settings.current().baseUrl() + "/unsubscribe?token=" + linkToken;
    }

    /** The one-click unsubscribe link of the subscriber with this address, for emails sent outside an issue; empty if none. */
    public Optional<String> unsubscribeUrlOf(String email) {
        return subscribers.findByEmail(normal(email)).map(row -> unsubscribeUrl(linkToken(row.id())));
    }

    /**
     * Those of these addresses still subscribed (confirmed now), so mail that follows an earlier newsletter (a
     * correction) never reaches a reader who unsubscribed since, or an address that bounced.
     */
    public java.util.Set<String> stillSubscribed(java.util.Collection<String> emails) {
        return subscribers.confirmedAmong(emails.stream().map(Subscriptions::normal).toList());
    }

    /** Number of subscribers in each status. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        subscribers.counts().forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    /** Consent IPs are kept for a limited time only; erased once a day across all nodes (whichever claims the day's run). */
    @Scheduled(cron = ERASE_IPS_CRON)
    @Transactional
    public void eraseOldConsentIps() {
        if (!jobRuns.claim("subscriptions-erase-ips", eraseIpsCron)) {
            return;
        }
        int erased = subscribers.eraseConsentIps(clock.instant().minus(ipRetention));
        if (erased > 0) {
            log.info("Erased {} consent IP addresses older than {} days", erased, ipRetention.toDays());
        }
    }

    /** The subscriber record of this address, consent included (for a data-access request). */
    public Optional<SubscriberRecord> export(String email) {
        return subscribers.record(normal(email));
    }

    /**
     * Deletes the subscriber record of this address outright (for an erasure request); no suppression entry is
     * kept, so the address could subscribe again. False if there was none.
     */
    @Transactional
    public boolean erase(String email) {
        return subscribers.delete(normal(email));
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private Optional<Subscriber> find(long id) {
        return subscribers.find(id).map(r -> new Subscriber(r.id(), r.email(), r.status(), r.cadence(), subscribers.sections(r.id()), r.confirmedAt()));
    }

    /** Sends the double opt-in email to a pending subscriber that did not come through the form (an import). */
    void askToConfirm(long id, String address) {
        sendConfirmation(id, address);
    }

    /** Subscribers in one status (or all, for null), oldest first. */
    public java.util.List<Subscriber> list(String status, int offset, int limit) {
        return subscribers.list(status, offset, limit).stream()
                .map(r -> new Subscriber(r.id(), r.email(), r.status(), r.cadence(), subscribers.sections(r.id()), r.confirmedAt()))
                .toList();
    }

    private void sendConfirmation(long id, String address) {
        Settings site = settings.current();
        String token = signatures.sign(CONFIRM, Long.toString(id), clock.instant().plus(CONFIRM_VALID_FOR));
        String link = site.baseUrl() + "/subscribe/confirm?token=" + token;
        outbox.enqueue(address, "Confirm your subscription to " + site.name(), """
                Hello,

                Someone, probably you, asked to get new stories from %s by email at this address.

                To confirm, open this link and press the button on the page:

                %s

                The link works for %d days. If you did not ask for this, ignore this email: nothing will be sent to you.

                -- 
                %s
                %s
                """.formatted(site.name(), link, CONFIRM_VALID_FOR.toDays(), site.name(), site.get(Setting.MAIL_POSTAL_ADDRESS)));
    }

    private void sendAlreadySubscribed(long id, String address) {
        Settings site = settings.current();
        String token = linkToken(id);
        outbox.enqueue(address, "You are already subscribed to " + site.name(), """
                Hello,

                Someone, probably you, asked to subscribe this address to %s. It is already subscribed, so nothing has changed.

                To choose what you get, or to unsubscribe, use this link:

                %s

                -- 
                %s
                %s
                """.formatted(site.name(), manageUrl(token), site.name(), site.get(Setting.MAIL_POSTAL_ADDRESS)));
    }
}
