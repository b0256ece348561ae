package press.dispatch.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import press.dispatch.platform.DispatchProperties;
import press.dispatch.site.SiteSettings;

/**
 * When no staff account exists: creates the owner from {@code DISPATCH_ADMIN_EMAIL}/{@code DISPATCH_ADMIN_PASSWORD},
 * or prints a one-time set-up link to the console.
 */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Accounts accounts;
    private final DispatchProperties properties;
    private final SiteSettings settings;

    FirstStart(Accounts accounts, DispatchProperties properties, SiteSettings settings) {
        this.accounts = accounts;
        this.properties = properties;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!accounts.setupNeeded()) {
            return;
        }
        DispatchProperties.Admin admin = properties.admin();
        if (admin.configured()) {
            String email = admin.email();
            try {
                accounts.createOwner(email.substring(0, email.indexOf('@') > 0 ? email.indexOf('@') : email.length()), email, admin.password());
            } catch (InvalidAccountException e) {
                String setting = e.problems().containsKey("password") ? "DISPATCH_ADMIN_PASSWORD" : "DISPATCH_ADMIN_EMAIL";
                throw new press.dispatch.platform.BadSettingException(setting, "is not accepted", String.join(" ", e.problems().values()));
            }
            return;
        }
        String link = settings.current().baseUrl() + "/admin/setup?token=" + accounts.newSetupToken();
        log.warn("""

                ==================================================================================
                 No staff account exists yet. Create the owner account (this link works once):
                 {}
                ==================================================================================""", link);
    }
}
