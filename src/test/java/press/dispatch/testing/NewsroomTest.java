package press.dispatch.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.accounts.Accounts;
import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;

/**
 * A running Dispatch whose owner account comes from {@code DISPATCH_ADMIN_EMAIL}/{@code DISPATCH_ADMIN_PASSWORD},
 * with helpers to add staff through real invitations.
 */
@TestPropertySource(properties = {"dispatch.admin.email=" + NewsroomTest.OWNER_EMAIL, "dispatch.admin.password=" + NewsroomTest.PASSWORD})
public abstract class NewsroomTest extends SiteTest {

    public static final String OWNER_EMAIL = "owner@news.example";
    public static final String PASSWORD = "correct horse battery";

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected JdbcClient jdbc;

    protected AdminSession signedIn(String email, String password) {
        AdminSession session = new AdminSession(port);
        AdminSession.Response answer = session.signIn(email, password);
        if (answer.status() != 302 || !"/admin".equals(answer.location())) {
            throw new IllegalStateException("Sign-in of " + email + " answered " + answer.status() + ": " + answer.body());
        }
        return session;
    }

    protected AdminSession owner() {
        return signedIn(OWNER_EMAIL, PASSWORD);
    }

    protected Staff ownerStaff() {
        return accounts.list().stream().filter(a -> a.email().equals(OWNER_EMAIL)).findFirst()
                .map(a -> new Staff(a.id(), a.email(), a.displayName(), a.role(), 0, null)).orElseThrow();
    }

    /** Invites a new staff member with this role and accepts the emailed invitation; returns their address. */
    protected String staffMember(Role role) {
        String email = unique(role.column()).replace(' ', '-') + "@news.example";
        accounts.invite(ownerStaff(), email, "Test " + role.label(), role);
        String token = lastLink(email, "/admin/invitation/");
        accounts.acceptInvitation(token, "Test " + role.label(), PASSWORD);
        return email;
    }

    /** The token of the newest link in the outbox to this address whose path starts with {@code pathPrefix}. */
    protected String lastLink(String email, String pathPrefix) {
        String body = jdbc.sql("SELECT text_body FROM outbox WHERE recipient = :to ORDER BY id DESC").param("to", email).query(String.class).list()
                .stream().filter(b -> b.contains(pathPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("No email to " + email + " with a link to " + pathPrefix));
        Matcher m = Pattern.compile(Pattern.quote(pathPrefix) + "([A-Za-z0-9_.-]+)").matcher(body);
        if (!m.find()) {
            throw new AssertionError("No link in: " + body);
        }
        return m.group(1);
    }
}
