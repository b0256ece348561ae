package press.dispatch.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/** Puts a staff member into the browser's session: at sign-in, and again after their own password change. */
@Component
public class StaffSessions {

    private final SecurityContextRepository sessions;
    private final HttpSessionCsrfTokenRepository csrfTokens;

    StaffSessions(SecurityContextRepository sessions, HttpSessionCsrfTokenRepository csrfTokens) {
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
    }

    /** Sign-in: a new session id, a new CSRF token, and the account in the session. */
    void start(Staff who, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        csrfTokens.saveToken(null, request, response);
        save(who, request, response);
    }

    /** The same session, now holding this account as it is (say, with the stamp of a new password). */
    public void refresh(Staff who, HttpServletRequest request, HttpServletResponse response) {
        save(who, request, response);
    }

    private void save(Staff who, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = StaffSecurity.context(who);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
