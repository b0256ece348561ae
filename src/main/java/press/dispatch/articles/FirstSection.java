package press.dispatch.articles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import press.dispatch.accounts.Accounts;
import press.dispatch.accounts.SiteSetUp;

/**
 * A site is never without a section: the one named at set-up (or "News") is created with the owner account, and a
 * site that already has staff but no section (a site set up before sections could be managed) gets one on start.
 */
@Component
class FirstSection {

    private static final Logger log = LoggerFactory.getLogger(FirstSection.class);

    private final Sections sections;
    private final Accounts accounts;

    FirstSection(Sections sections, Accounts accounts) {
        this.sections = sections;
        this.accounts = accounts;
    }

    @EventListener
    void siteSetUp(SiteSetUp setUp) {
        sections.ensureOne(setUp.firstSection());
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!accounts.setupNeeded()) {
            try {
                sections.ensureOne(null);
            } catch (DataIntegrityViolationException e) {
                // Another node starting at the same moment created it first.
                log.info("The first section was created by another node");
            }
        }
    }
}
