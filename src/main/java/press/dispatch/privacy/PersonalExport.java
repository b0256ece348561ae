package press.dispatch.privacy;

import java.time.Instant;
import java.util.List;

import press.dispatch.accounts.Account;
import press.dispatch.comments.StoredComment;
import press.dispatch.newsletter.DeliveryRecord;
import press.dispatch.platform.Outbox;
import press.dispatch.subscriptions.SubscriberRecord;

/**
 * Everything held about one person, as the JSON export hands it over.
 *
 * @param subscriber   null when the address never subscribed
 * @param staffAccount null when the address has no staff account
 * @param threadFollows the story threads the address follows or asked to follow
 */
public record PersonalExport(String email, Instant exportedAt, List<StoredComment> comments, SubscriberRecord subscriber,
                             List<DeliveryRecord> deliveries, List<Outbox.Message> emails, Account staffAccount,
                             List<press.dispatch.threads.Threads.FollowRecord> threadFollows) {

    /** How much is held, per kind. */
    public Holdings holdings() {
        return new Holdings(comments.size(), subscriber == null ? 0 : 1, deliveries.size(), emails.size(), staffAccount == null ? 0 : 1);
    }
}
