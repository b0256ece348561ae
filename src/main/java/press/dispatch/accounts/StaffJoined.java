package press.dispatch.accounts;

/** A staff account became active (the owner at set-up, or an invitation accepted). Published inside that transaction. */
public record StaffJoined(long staffId, String displayName) {
}
