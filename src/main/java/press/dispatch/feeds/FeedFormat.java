package press.dispatch.feeds;

/** The two formats every feed is offered in. */
public enum FeedFormat {
    RSS("rss_2.0", "application/rss+xml;charset=UTF-8"),
    ATOM("atom_1.0", "application/atom+xml;charset=UTF-8");

    private final String romeType;
    private final String contentType;

    FeedFormat(String romeType, String contentType) {
        this.romeType = romeType;
        this.contentType = contentType;
    }

    String romeType() {
        return romeType;
    }

    public String contentType() {
        return contentType;
    }
}
