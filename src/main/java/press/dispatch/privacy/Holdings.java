package press.dispatch.privacy;

/** How many of each kind is held about a person, or was erased. */
/**
 * How much is held about one person, of each kind. {@code mailFiles} are the copies of emails written to the data
 * folder when no SMTP server is set (newsletters included), counted apart from the outbox's records.
 */
public record Holdings(int comments, int subscribers, int deliveries, int emails, int staffAccounts, int mailFiles) {

    public Holdings(int comments, int subscribers, int deliveries, int emails, int staffAccounts) {
        this(comments, subscribers, deliveries, emails, staffAccounts, 0);
    }

    public boolean nothing() {
        return comments + subscribers + deliveries + emails + staffAccounts + mailFiles == 0;
    }

    /** In words: "2 comments, 1 subscriber record, …". */
    public String describe() {
        return comments + " comment(s), " + subscribers + " subscriber record(s), " + deliveries + " newsletter delivery record(s), " + emails
                + " email(s) in the outbox, " + staffAccounts + " staff account(s)" + (mailFiles == 0 ? "" : ", " + mailFiles + " mail file(s)");
    }
}
