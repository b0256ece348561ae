package press.dispatch.subscriptions;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import press.dispatch.articles.Sections;

/**
 * Keeps what subscribers follow pointing at sections that exist. When a section is deleted, its followers follow the
 * section its articles moved to; a section deleted empty is simply dropped from their choice, which leaves them their
 * other sections (or, if it was the only one, every section: none ticked means everything). Runs inside the deleting
 * transaction, so the two changes commit together.
 */
@Component
class FollowedSections {

    private final SubscriberRepository subscribers;

    FollowedSections(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    @EventListener
    void sectionDeleted(Sections.SectionDeleted deleted) {
        if (deleted.movedTo() == null) {
            subscribers.dropFollowers(deleted.sectionId());
        } else {
            subscribers.moveFollowers(deleted.sectionId(), deleted.movedTo());
        }
    }
}
