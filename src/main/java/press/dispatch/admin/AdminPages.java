package press.dispatch.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Account;
import press.dispatch.accounts.Accounts;
import press.dispatch.accounts.ApiKey;
import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.InvalidAccountException;
import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;
import press.dispatch.accounts.StaffSessions;
import press.dispatch.platform.MailHold;
import press.dispatch.site.InvalidSettingsException;
import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

import press.dispatch.admin.AdminViews.AccountPage;
import press.dispatch.admin.AdminViews.ApiKeysPage;
import press.dispatch.admin.AdminViews.DashboardPage;
import press.dispatch.admin.AdminViews.HeldMail;
import press.dispatch.admin.AdminViews.SettingsPage;
import press.dispatch.admin.AdminViews.StaffPage;

/** The dashboard and the shell's own screens: staff, API keys, one's account, site settings. */
@Controller
class AdminPages {

    private final AdminShells shells;
    private final List<DashboardPanel> panels;
    private final Accounts accounts;
    private final ApiKeys keys;
    private final SiteSettings settings;
    private final StaffSessions sessions;
    private final MailHold mailHold;
    private final Dashboard dashboard;
    /** How many of the newest photos Settings offers as the logo (a photo already chosen is always offered). */
    private static final int LOGO_CHOICES = 60;
    private final org.springframework.beans.factory.ObjectProvider<press.dispatch.site.SiteLogo> logos;

    AdminPages(AdminShells shells, List<DashboardPanel> panels, Accounts accounts, ApiKeys keys, SiteSettings settings,
               StaffSessions sessions, MailHold mailHold, Dashboard dashboard,
               org.springframework.beans.factory.ObjectProvider<press.dispatch.site.SiteLogo> logos) {
        this.mailHold = mailHold;
        this.dashboard = dashboard;
        this.logos = logos;
        this.shells = shells;
        this.panels = panels;
        this.accounts = accounts;
        this.keys = keys;
        this.settings = settings;
        this.sessions = sessions;
    }

    @GetMapping("/admin")
    ModelAndView dashboard(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        List<DashboardPage.Panel> shown = panels.stream()
                .map(p -> new DashboardPage.Panel(p.heading(), p.lines(staff)))
                .filter(p -> !p.lines().isEmpty())
                .toList();
        List<String> warnings = staff.can(Permission.SETTINGS) ? settings.current().warnings(request.getServerName()) : List.of();
        AdminShell shell = shells.shell(request, staff, "/admin");
        return view("admin/dashboard", new DashboardPage(shell, shown, warnings, heldMail(shell), dashboard.charts(staff),
                dashboard.activity(staff)), HttpStatus.OK);
    }

    @GetMapping("/admin/staff")
    ModelAndView staff(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return staffPage(staff, request, Map.of(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/staff")
    ModelAndView invite(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String email,
                        @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String role, HttpServletRequest request) {
        try {
            accounts.invite(staff, email, displayName, Role.parse(role));
            AdminShells.flash(request, "Invitation sent to " + email.strip() + ".");
            return new ModelAndView("redirect:/admin/staff");
        } catch (InvalidAccountException e) {
            return staffPage(staff, request, Map.of("email", email, "displayName", displayName, "role", role), e.problems(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/staff/{id}/role")
    ModelAndView changeRole(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String role,
                            HttpServletRequest request) {
        try {
            accounts.changeRole(staff, id, Role.parse(role));
            AdminShells.flash(request, "Role changed.");
            return new ModelAndView("redirect:/admin/staff");
        } catch (InvalidAccountException e) {
            return staffPage(staff, request, Map.of(), e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/staff/{id}/access")
    ModelAndView access(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
                        HttpServletRequest request) {
        try {
            accounts.setActive(staff, id, active);
            AdminShells.flash(request, active ? "Account enabled." : "Access removed.");
            return new ModelAndView("redirect:/admin/staff");
        } catch (InvalidAccountException e) {
            return staffPage(staff, request, Map.of(), e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/api-keys")
    ModelAndView apiKeys(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return keysPage(staff, request, null, Map.of(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/api-keys")
    ModelAndView createKey(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String name,
                           @RequestParam(defaultValue = "") String role, HttpServletRequest request) {
        try {
            String secret = keys.create(staff, name, Role.parse(role));
            // Shown on this answer only (not after a redirect), so the key is never kept in the session.
            return keysPage(staff, request, secret, Map.of(), Map.of(), HttpStatus.CREATED);
        } catch (InvalidAccountException e) {
            return keysPage(staff, request, null, Map.of("name", name, "role", role), e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    ModelAndView revokeKey(@PathVariable long id, HttpServletRequest request) {
        keys.revoke(id);
        AdminShells.flash(request, "Key revoked: it stops working at once.");
        return new ModelAndView("redirect:/admin/api-keys");
    }

    @GetMapping("/admin/account")
    ModelAndView account(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return view("admin/account", new AccountPage(shells.shell(request, staff, "/admin/account"), Map.of()), HttpStatus.OK);
    }

    @PostMapping("/admin/account/password")
    ModelAndView changePassword(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String currentPassword,
                                @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response) {
        try {
            Staff changed = accounts.changePassword(staff, currentPassword, password);
            // This session carries the new stamp; every other session of the account holds the old one and is signed out.
            sessions.refresh(changed, request, response);
            AdminShells.flash(request, "Password changed. Your other sessions are signed out.");
            return new ModelAndView("redirect:/admin/account");
        } catch (InvalidAccountException e) {
            return view("admin/account", new AccountPage(shells.shell(request, staff, "/admin/account"), e.problems()),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/settings")
    ModelAndView settings(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        Arrays.stream(Setting.values()).forEach(s -> values.put(s.key(), settings.current().get(s)));
        return view("admin/settings", settingsPage(staff, request, values, Map.of()), HttpStatus.OK);
    }

    @PostMapping("/admin/settings")
    ModelAndView saveSettings(@AuthenticationPrincipal Staff staff, @RequestParam Map<String, String> form, HttpServletRequest request) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            String value = form.get(s.key());
            if (value != null) {
                changes.put(s.key(), value);
            }
        }
        try {
            settings.update(changes);
            AdminShells.flash(request, "Settings saved.");
            return new ModelAndView("redirect:/admin/settings");
        } catch (InvalidSettingsException e) {
            Map<String, String> values = new LinkedHashMap<>();
            Arrays.stream(Setting.values()).forEach(s -> values.put(s.key(), changes.getOrDefault(s.key(), settings.current().get(s))));
            return view("admin/settings", settingsPage(staff, request, values, e.problems()), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private SettingsPage settingsPage(Staff staff, HttpServletRequest request, Map<String, String> values, Map<String, String> problems) {
        Settings now = settings.current();
        AdminShell shell = shells.shell(request, staff, "/admin/settings");
        press.dispatch.site.SiteLogo logo = logos.getIfAvailable();
        List<AdminViews.Choice> photos = logo == null ? List.of() : logo.candidates(LOGO_CHOICES).stream()
                .map(c -> new AdminViews.Choice(Long.toString(c.photoId()), c.label())).toList();
        return new SettingsPage(shell, SettingsForm.groups(photos), values, problems, now.warnings(request.getServerName()), now.baseUrl(), heldMail(shell));
    }

    /** Only those who may change settings (owner, admins) see held mail and may release or discard it. */
    private HeldMail heldMail(AdminShell shell) {
        return shell.can(Permission.SETTINGS) && mailHold.held() ? new HeldMail(shell, mailHold.waiting()) : null;
    }

    @PostMapping("/admin/settings/mail-hold/release")
    ModelAndView releaseMail(HttpServletRequest request) {
        mailHold.release();
        AdminShells.flash(request, "Outgoing mail released: queued mail is being sent.");
        return new ModelAndView("redirect:/admin");
    }

    @PostMapping("/admin/settings/mail-hold/discard")
    ModelAndView discardMail(HttpServletRequest request) {
        int discarded = mailHold.discardAndRelease();
        AdminShells.flash(request, discarded + " queued messages discarded; new mail is sent again.");
        return new ModelAndView("redirect:/admin");
    }

    private ModelAndView staffPage(Staff staff, HttpServletRequest request, Map<String, String> values, Map<String, String> problems,
                                   HttpStatus status) {
        return view("admin/staff", new StaffPage(shells.shell(request, staff, "/admin/staff"), accounts.list(), grantable(staff), values, problems),
                status);
    }

    private ModelAndView keysPage(Staff staff, HttpServletRequest request, String newKey, Map<String, String> values, Map<String, String> problems,
                                  HttpStatus status) {
        return view("admin/api-keys", new ApiKeysPage(shells.shell(request, staff, "/admin/api-keys"), keys.list(), grantable(staff), newKey,
                values, problems), status);
    }

    private static List<Role> grantable(Staff staff) {
        return Arrays.stream(Role.values()).filter(staff.role()::mayGrant).toList();
    }

    static ModelAndView view(String name, Object page, HttpStatus status) {
        ModelAndView view = new ModelAndView(name, "page", page);
        view.setStatus(status);
        return view;
    }
}
