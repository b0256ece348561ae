package press.dispatch.comments;

import java.util.Optional;

import org.springframework.stereotype.Component;

import press.dispatch.articles.Stories;

/** One moderation action on one comment, from the admin screen or the API; the article's pages are refreshed when it is public. */
@Component
class QueueActions {

    private final Moderation moderation;
    private final Stories stories;

    QueueActions(Moderation moderation, Stories stories) {
        this.moderation = moderation;
        this.stories = stories;
    }

    /** The status an action moves to: approve, unapprove, spam, trash; null for anything else. */
    static String target(String action) {
        return switch (action) {
            case "approve" -> "approved";
            case "unapprove" -> "pending";
            case "spam" -> "spam";
            case "trash" -> "trash";
            default -> null;
        };
    }

    /** Applies the action; empty when there is no such comment. */
    Optional<Comment> apply(long id, String action) {
        String target = target(action);
        if (target == null) {
            throw new IllegalArgumentException("Unknown moderation action " + action);
        }
        return moderation.find(id).map(c -> {
            stories.findById(c.articleId()).ifPresentOrElse(s -> {
                switch (target) {
                    case "approved" -> moderation.approve(s, id);
                    case "pending" -> moderation.unapprove(s, id);
                    case "spam" -> moderation.markSpam(s, id);
                    default -> moderation.trash(s, id);
                }
            }, () -> moderation.setStatusUnpublished(id, target));
            return moderation.find(id).orElseThrow();
        });
    }
}
