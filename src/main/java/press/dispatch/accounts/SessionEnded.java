package press.dispatch.accounts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import press.dispatch.site.SiteSettings;

/**
 * A newsroom form sent without a valid CSRF token: almost always a session that ended while the form was open (idle
 * timeout, signing out in another tab, a password change). Instead of a bare "Not allowed", the writer is told what
 * happened, given a way to sign in again, and shown what they sent (escaped, read-only) so that nothing typed is lost.
 * Nothing is saved: a request without the token may also be forged. Other refusals keep Spring's 403.
 */
final class SessionEnded implements AccessDeniedHandler {

    /** Fields never shown back: secrets, and the form's own bookkeeping. */
    private static final Set<String> HIDDEN = Set.of("_csrf", "password", "current", "new", "confirm", "version", "action", "token");
    private static final int MAX_SHOWN = 200_000;

    private final TemplateEngine templates;
    private final SiteSettings settings;
    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    SessionEnded(TemplateEngine templates, SiteSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException,
            jakarta.servlet.ServletException {
        if (!(denied instanceof CsrfException) || response.isCommitted()) {
            otherwise.handle(request, response, denied);
            return;
        }
        List<SessionEndedPage.Field> fields = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (HIDDEN.contains(name) || name.toLowerCase(Locale.ROOT).contains("password")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                if (value != null && !value.isBlank() && shown + value.length() <= MAX_SHOWN) {
                    fields.add(new SessionEndedPage.Field(fields.size() + 1, name, value));
                    shown += value.length();
                }
            }
        }
        String next = SignInPages.returnTo(request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templates.render("accounts/session-ended.jte",
                new SessionEndedPage(settings.current().name(), "/admin/sign-in" + SignInPages.signInQuery(next), fields),
                new WriterOutput(response.getWriter()));
    }
}
