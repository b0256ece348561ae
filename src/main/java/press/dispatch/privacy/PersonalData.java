package press.dispatch.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.accounts.Accounts;
import press.dispatch.accounts.Staff;
import press.dispatch.comments.Commenters;
import press.dispatch.newsletter.Newsletters;
import press.dispatch.platform.Outbox;
import press.dispatch.subscriptions.Subscriptions;

/**
 * Answers a data-protection request for one email address by asking every feature that holds personal data for
 * its part: export gathers them into one document, erase removes them all in one transaction — if any part
 * refuses or fails, nothing is erased.
 */
@Service
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);
    static final int MAX_ADDRESS = 254;

    private final Commenters commenters;
    private final Subscriptions subscriptions;
    private final Newsletters newsletters;
    private final Outbox outbox;
    private final Accounts accounts;
    private final Clock clock;
    private final press.dispatch.threads.Threads threads;

    PersonalData(Commenters commenters, Subscriptions subscriptions, Newsletters newsletters, Outbox outbox, Accounts accounts, Clock clock,
                 press.dispatch.threads.Threads threads) {
        this.threads = threads;
        this.commenters = commenters;
        this.subscriptions = subscriptions;
        this.newsletters = newsletters;
        this.outbox = outbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The address as every feature stores it (lower case), or empty if it cannot be an email address. */
    public static Optional<String> address(String raw) {
        String address = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        boolean plausible = address.length() <= MAX_ADDRESS && address.indexOf('@') > 0 && address.indexOf('@') < address.length() - 1
                && address.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        return plausible ? Optional.of(address) : Optional.empty();
    }

    /** Everything held about this address. */
    @Transactional(readOnly = true)
    public PersonalExport export(String address) {
        List<String> mentions = commenters.mentions(address);
        return new PersonalExport(address, clock.instant(), commenters.export(address), subscriptions.export(address).orElse(null),
                newsletters.deliveriesTo(address), outbox.listHolding(address, mentions), accounts.export(address).orElse(null),
                threads.followsOf(address));
    }

    /** Why {@code by} may not erase this address (its staff account is the owner's, or their own), or empty. */
    public Optional<String> refusalToErase(Staff by, String address) {
        return accounts.refusalToErase(by, address);
    }

    /**
     * Erases everything held about this address; returns how much there was of each kind. The emails about their
     * comments are found before the comments go, since the comments are how they are found.
     *
     * @throws ErasureRefusedException when {@link #refusalToErase} refuses; then nothing is erased
     */
    @Transactional
    public Holdings erase(Staff by, String address) {
        Optional<String> refusal = refusalToErase(by, address);
        if (refusal.isPresent()) {
            throw new ErasureRefusedException(refusal.get());
        }
        List<String> mentions = commenters.mentions(address);
        int emails = outbox.eraseHolding(address, mentions);
        int comments = commenters.erase(address);
        int subscribers = subscriptions.erase(address) ? 1 : 0;
        int deliveries = newsletters.eraseDeliveriesTo(address);
        int staff = accounts.erase(by, address) ? 1 : 0;
        int follows = threads.eraseFollower(address);
        // Last, after every database change has succeeded: files cannot be rolled back.
        int files = outbox.eraseFilesHolding(address, mentions);
        Holdings erased = new Holdings(comments, subscribers, deliveries, emails, staff, files);
        log.info("Erased one person's data at the request of staff account {}: {}, {} story thread follows", by.id(), erased.describe(), follows);
        return erased;
    }
}
