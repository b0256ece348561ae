package press.dispatch.subscriptions;

/** One subscriber in a newsletter's audience, with the token for their manage and unsubscribe links. */
public record Recipient(long subscriberId, String email, String linkToken) {
}
