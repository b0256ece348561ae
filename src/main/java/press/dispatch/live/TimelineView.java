package press.dispatch.live;

import java.util.List;

/**
 * A live page's timeline under the article. {@code stream} is where new entries arrive from while coverage goes on
 * (null once it ended); {@code after} is the last change the page shows, where the stream resumes.
 */
public record TimelineView(long articleId, String stream, long after, String refresh, EntryView.Moment started, EntryView.Moment ended,
                           List<EntryView> keyEvents, List<EntryView> entries) {

    public boolean live() {
        return ended == null;
    }
}
