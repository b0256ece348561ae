package press.dispatch.comments;

import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.articles.DiscussionChanged;

/**
 * What is stored about a commenter, found by their email address: exported for a data-access request, erased for
 * an erasure request. A comment nobody replied to is deleted; one others replied to keeps its place in the thread
 * with its text, name, email, website and IP gone.
 */
@Service
public class Commenters {

    private final CommentRepository comments;
    private final ApplicationEventPublisher events;

    Commenters(CommentRepository comments, ApplicationEventPublisher events) {
        this.comments = comments;
        this.events = events;
    }

    /** Every comment of this address with everything stored about it, oldest first. */
    public List<StoredComment> export(String email) {
        return comments.listStoredByEmail(normal(email));
    }

    /**
     * How the emails we send about this person's comments point at them (a link to each comment), so the outbox
     * can find those emails too: a moderator's notice quotes the commenter's name and text.
     */
    public List<String> mentions(String email) {
        return comments.listStoredByEmail(normal(email)).stream().map(c -> "#comment-" + c.id()).toList();
    }

    /** Deletes or anonymises every comment of this address; returns how many comments it had. */
    @Transactional
    public int erase(String email) {
        String address = normal(email);
        List<Long> articles = comments.articleIdsOf(address);
        int erased = comments.deleteUnreplied(address) + comments.erase(address);
        articles.forEach(id -> events.publishEvent(new DiscussionChanged(id)));
        return erased;
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
