package press.dispatch.feeds;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import press.dispatch.admin.AdminShells;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

/** Gives the partner feed a new random secret (the old address stops answering) or switches it off. */
@Controller
class PartnerFeedDesk {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteSettings settings;

    PartnerFeedDesk(SiteSettings settings) {
        this.settings = settings;
    }

    /** Under /admin/settings, so only staff who may change settings reach it. */
    @PostMapping("/admin/settings/partner-feed")
    String change(@RequestParam(defaultValue = "") String action, HttpServletRequest request) {
        if (action.equals("revoke")) {
            settings.update(Map.of(Setting.FEED_PARTNER_SECRET.key(), ""));
            AdminShells.flash(request, "The partner feed is switched off; its address no longer answers.");
        } else {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            settings.update(Map.of(Setting.FEED_PARTNER_SECRET.key(), secret));
            AdminShells.flash(request, "New partner feed address: " + settings.current().baseUrl() + "/feeds/partner/" + secret
                    + " (the old one no longer answers).");
        }
        return "redirect:/admin/settings";
    }
}
