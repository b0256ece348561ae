package press.dispatch.accounts;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import press.dispatch.platform.RateLimiter;
import press.dispatch.platform.RateLimiters;
import press.dispatch.site.SiteSettings;

/**
 * The pages a staff member sees before signing in. Sign-in answers an unknown address exactly as a wrong password:
 * the same page, status and message, after the same Argon2 work.
 */
@Controller
class SignInPages {

    static final String WRONG = "The email address or password is not right.";
    static final String HOME = "/admin";

    private final Accounts accounts;
    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final StaffSessions sessions;
    private final SiteSettings settings;
    private final RateLimiter resetsPerIp;
    private final RateLimiter resetsPerAddress;
    private final String unknownAccountHash;

    SignInPages(Accounts accounts, StaffRepository staff, PasswordEncoder passwords, SignInThrottle throttle, StaffSessions sessions,
                SiteSettings settings, RateLimiters limiters) {
        this.accounts = accounts;
        this.staff = staff;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.settings = settings;
        this.resetsPerIp = limiters.perWindow("password-resets", 10, Duration.ofHours(1));
        this.resetsPerAddress = limiters.perWindow("password-resets-address", 3, Duration.ofHours(1));
        // Checked against when no account has the address, so both answers cost the same Argon2 work.
        this.unknownAccountHash = passwords.encode("no account has this address " + System.nanoTime());
    }

    /**
     * Sends a visitor who is not signed in to the sign-in page, remembering the admin page they asked for (only on a
     * GET) in its {@code next} parameter, so signing in lands there.
     */
    static void askToSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason) throws IOException {
        String asked = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String next = "GET".equals(request.getMethod()) ? returnTo(asked) : HOME;
        response.sendRedirect(request.getContextPath() + "/admin/sign-in" + signInQuery(next));
    }

    /**
     * Where signing in may land: an admin path on this site, else the dashboard. Only printable ASCII without
     * backslashes is accepted (a browser encodes the rest), so neither {@code //host} nor {@code /\host} nor a
     * header break can make this an open redirect.
     */
    static String returnTo(String next) {
        if (next == null || next.length() > 2000) {
            return HOME;
        }
        if (!(next.equals(HOME) || next.startsWith(HOME + "/") || next.startsWith(HOME + "?"))) {
            return HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c > '~' || c == '\\') {
                return HOME;
            }
        }
        if (next.startsWith("/admin/sign-in") || next.startsWith("/admin/sign-out")) {
            return HOME;
        }
        return next;
    }

    static String signInQuery(String next) {
        return next.equals(HOME) ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    @GetMapping("/admin/sign-in")
    ModelAndView signInForm(@RequestParam(name = "signed-out", required = false) String signedOut,
                            @RequestParam(name = "reset", required = false) String reset, @RequestParam(required = false) String next,
                            HttpServletRequest request) {
        String notice = signedOut != null ? "You are signed out." : reset != null ? "Your password is changed. Sign in with it." : null;
        if (accounts.setupNeeded()) {
            notice = "No staff account exists yet. Open the one-time set-up link printed in the server's console "
                    + "(or start the server with DISPATCH_ADMIN_EMAIL and DISPATCH_ADMIN_PASSWORD).";
        }
        return signIn(request, "", returnTo(next), Map.of(), notice, HttpStatus.OK);
    }

    @PostMapping("/admin/sign-in")
    ModelAndView signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                        @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response) {
        String landing = returnTo(next);
        String ip = request.getRemoteAddr();
        Duration wait = throttle.wait(email, ip);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            response.setHeader("Retry-After", Long.toString(seconds));
            return signIn(request, email, landing, Map.of("password", "Too many failed attempts. Wait " + seconds
                    + " seconds and try again, or reset your password."), null, HttpStatus.TOO_MANY_REQUESTS);
        }
        Optional<StaffRepository.Row> row = staff.findByEmail(Accounts.normalEmail(email)).filter(r -> r.account().active());
        boolean matches = passwords.matches(password, row.map(StaffRepository.Row::passwordHash).orElse(unknownAccountHash));
        if (row.isEmpty() || !matches) {
            throttle.failed(email, ip);
            return signIn(request, email, landing, Map.of("password", WRONG), null, HttpStatus.UNAUTHORIZED);
        }
        throttle.succeeded(email);
        sessions.start(row.get().staff(), request, response);
        RedirectView view = new RedirectView(landing, true);
        // The path is used as given: braces in it are not URI template variables to expand.
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    @GetMapping("/admin/setup")
    ModelAndView setupForm(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
        if (!accounts.setupTokenValid(token)) {
            return message(request, "Set-up link not valid", "This set-up link is not valid or was already used. "
                    + "If no account exists yet, restart the server for a new link.", HttpStatus.NOT_FOUND);
        }
        return setup(request, token, Map.of(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/setup")
    ModelAndView setUp(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String displayName,
                       @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                       @RequestParam(defaultValue = "") String firstSection, HttpServletRequest request, HttpServletResponse response) {
        try {
            Staff owner = accounts.setUp(token, displayName, email, password, firstSection.length() > 80 ? "" : firstSection);
            sessions.start(owner, request, response);
            return new ModelAndView("redirect:/admin");
        } catch (InvalidAccountException e) {
            if (e.problems().containsKey("token")) {
                return message(request, "Set-up link not valid", e.problems().get("token"), HttpStatus.NOT_FOUND);
            }
            return setup(request, token, Map.of("displayName", displayName, "email", email, "firstSection", firstSection), e.problems(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/password-reset")
    ModelAndView resetRequestForm(HttpServletRequest request) {
        return resetRequest(request, "", Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/admin/password-reset")
    ModelAndView requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
                              jakarta.servlet.http.HttpServletResponse response) {
        if (!resetsPerIp.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "3600"); // the limit counts requests an hour
            return resetRequest(request, email, Map.of("email", "Too many reset requests from your network. Try again in an hour."), null,
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!address.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
            return resetRequest(request, email, Map.of("email", "Type the email address you sign in with, such as name@news.example."), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        // Three links an hour to one address at most, whoever asks from wherever; the answer is the same either way.
        if (resetsPerAddress.tryAcquire(address)) {
            accounts.requestPasswordReset(email);
        }
        return message(request, "Check your email", "If " + email.strip() + " belongs to a staff account, we have sent it a link to choose "
                + "a new password. The link works once, for 30 minutes.", HttpStatus.OK);
    }

    @GetMapping("/admin/password-reset/{token}")
    ModelAndView resetForm(@PathVariable String token, HttpServletRequest request) {
        if (accounts.resetFor(token).isEmpty()) {
            return expiredReset(request);
        }
        return newPassword(request, token, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/password-reset/{token}")
    ModelAndView reset(@PathVariable String token, @RequestParam(defaultValue = "") String password, HttpServletRequest request) {
        try {
            Staff who = accounts.resetPassword(token, password);
            throttle.forgive(who.email(), request.getRemoteAddr());
            return new ModelAndView("redirect:/admin/sign-in?reset");
        } catch (InvalidAccountException e) {
            if (e.problems().containsKey("token")) {
                return expiredReset(request);
            }
            return newPassword(request, token, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/invitation/{token}")
    ModelAndView invitationForm(@PathVariable String token, HttpServletRequest request) {
        return accounts.invitation(token)
                .map(a -> invitation(request, token, a, a.displayName(), Map.of(), HttpStatus.OK))
                .orElseGet(() -> message(request, "Invitation not valid", "This invitation has expired or was already used. "
                        + "Ask whoever invited you for a new one.", HttpStatus.NOT_FOUND));
    }

    @PostMapping("/admin/invitation/{token}")
    ModelAndView accept(@PathVariable String token, @RequestParam(defaultValue = "") String displayName,
                        @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response) {
        Optional<Account> invited = accounts.invitation(token);
        try {
            Staff joined = accounts.acceptInvitation(token, displayName, password);
            sessions.start(joined, request, response);
            return new ModelAndView("redirect:/admin");
        } catch (InvalidAccountException e) {
            if (invited.isEmpty() || e.problems().containsKey("token")) {
                return message(request, "Invitation not valid", "This invitation has expired or was already used.", HttpStatus.NOT_FOUND);
            }
            return invitation(request, token, invited.get(), displayName, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private ModelAndView signIn(HttpServletRequest request, String email, String next, Map<String, String> problems, String notice,
                                HttpStatus status) {
        return page(request, "Sign in", null, "/admin/sign-in" + signInQuery(next), List.of(
                new FormPage.Field("email", "Email address", "email", email, "username"),
                new FormPage.Field("password", "Password", "password", "", "current-password")), "Sign in", problems, notice,
                List.of(new FormPage.Link("/admin/password-reset", "Forgot your password?")), status);
    }

    private ModelAndView setup(HttpServletRequest request, String token, Map<String, String> values, Map<String, String> problems, HttpStatus status) {
        return page(request, "Create the owner account", "You are setting up " + settings.current().name()
                        + ". The owner can do everything, including inviting the rest of the newsroom.",
                "/admin/setup?token=" + token, List.of(
                        new FormPage.Field("displayName", "Your name (as in bylines)", "text", values.getOrDefault("displayName", ""), "name"),
                        new FormPage.Field("email", "Email address", "email", values.getOrDefault("email", ""), "username"),
                        new FormPage.Field("password", "Password (at least " + Accounts.MIN_PASSWORD + " characters)", "password", "", "new-password"),
                        new FormPage.Field("firstSection", "Name of the site's first section (if it has none yet)", "text",
                                values.getOrDefault("firstSection", "").isBlank() ? "News" : values.get("firstSection"), "off")),
                "Create account", problems, null, List.of(), status);
    }

    private ModelAndView resetRequest(HttpServletRequest request, String email, Map<String, String> problems, String notice, HttpStatus status) {
        return page(request, "Reset your password", "Enter the address of your staff account. We will email it a link to choose a new password.",
                "/admin/password-reset", List.of(new FormPage.Field("email", "Email address", "email", email, "username")), "Send the link",
                problems, notice, List.of(new FormPage.Link("/admin/sign-in", "Back to sign in")), status);
    }

    private ModelAndView newPassword(HttpServletRequest request, String token, Map<String, String> problems, HttpStatus status) {
        return page(request, "Choose a new password", "Every session of your account will be signed out.", "/admin/password-reset/" + token,
                List.of(new FormPage.Field("password", "New password (at least " + Accounts.MIN_PASSWORD + " characters)", "password", "",
                        "new-password")), "Change password", problems, null, List.of(), status);
    }

    private ModelAndView invitation(HttpServletRequest request, String token, Account invited, String name, Map<String, String> problems,
                                    HttpStatus status) {
        return page(request, "Join the newsroom", "You are joining " + settings.current().name() + " as " + invited.role().label().toLowerCase()
                        + " with the address " + invited.email() + ".", "/admin/invitation/" + token, List.of(
                        new FormPage.Field("displayName", "Your name (as in bylines)", "text", name, "name"),
                        new FormPage.Field("password", "Password (at least " + Accounts.MIN_PASSWORD + " characters)", "password", "", "new-password")),
                "Join", problems, null, List.of(), status);
    }

    private ModelAndView expiredReset(HttpServletRequest request) {
        return message(request, "Reset link not valid", "This reset link has expired or was already used. Ask for a new one at "
                + "the password reset page.", HttpStatus.NOT_FOUND);
    }

    private ModelAndView message(HttpServletRequest request, String title, String text, HttpStatus status) {
        return page(request, title, text, null, List.of(), null, Map.of(), null, List.of(new FormPage.Link("/admin/sign-in", "Sign in")), status);
    }

    private ModelAndView page(HttpServletRequest request, String title, String intro, String action, List<FormPage.Field> fields, String button,
                              Map<String, String> problems, String notice, List<FormPage.Link> links, HttpStatus status) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        ModelAndView view = new ModelAndView("accounts/form", "page", new FormPage(settings.current().name(), title, intro, action, fields, button,
                problems, notice, csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(), links));
        view.setStatus(status);
        return view;
    }
}
