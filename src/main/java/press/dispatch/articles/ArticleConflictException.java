package press.dispatch.articles;

/** Someone else saved the article after this editor opened it; nothing was saved. */
public class ArticleConflictException extends RuntimeException {

    private final int currentVersion;

    public ArticleConflictException(String message, int currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
