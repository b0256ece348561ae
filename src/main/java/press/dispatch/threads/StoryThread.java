package press.dispatch.threads;

import java.time.Instant;

/** A thread of articles under one title and summary. */
public record StoryThread(long id, String slug, String title, String summary, Instant createdAt, Instant updatedAt) {

    public String href() {
        return "/stories/" + slug;
    }
}
