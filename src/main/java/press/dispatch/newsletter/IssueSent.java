package press.dispatch.newsletter;

/** Every delivery of an issue is sent or failed with a reason; published once per issue. */
public record IssueSent(long issueId) {
}
