package press.dispatch.pages;

/** Someone saved the page after the version this change started from; nothing was saved. */
class PageConflictException extends RuntimeException {

    private final int currentVersion;

    PageConflictException(int currentVersion) {
        super("page changed meanwhile (now version " + currentVersion + ")");
        this.currentVersion = currentVersion;
    }

    int currentVersion() {
        return currentVersion;
    }
}
