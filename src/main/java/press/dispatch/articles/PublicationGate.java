package press.dispatch.articles;

import java.time.Instant;

/**
 * A rule another feature holds over the moment an article goes public (an embargo, a second editor's release).
 * {@link Publishing} asks every gate before it publishes or schedules, whoever asks and by whichever path; a gate
 * refuses by throwing {@link InvalidArticleException} naming the field ({@code status} or {@code publishAt}).
 */
public interface PublicationGate {

    /** @param at when the article would become public */
    void check(Article article, Instant at);
}
