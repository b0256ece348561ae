package press.dispatch.privacy;

/** How many of each kind is held about a person, or was erased. */
public record Holdings(int comments, int subscribers, int deliveries, int emails, int staffAccounts) {

    public boolean nothing() {
        return comments + subscribers + deliveries + emails + staffAccounts == 0;
    }

    /** In words: "2 comments, 1 subscriber record, …". */
    public String describe() {
        return comments + " comment(s), " + subscribers + " subscriber record(s), " + deliveries + " newsletter delivery record(s), " + emails
                + " email(s) in the outbox, " + staffAccounts + " staff account(s)";
    }
}
