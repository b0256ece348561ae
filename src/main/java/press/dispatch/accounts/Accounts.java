package press.dispatch.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.platform.HiddenCharacters;
import press.dispatch.platform.Outbox;
import press.dispatch.platform.Signatures;
import press.dispatch.site.SiteSettings;

/**
 * Staff accounts: the owner made at first start, invitations, passwords and their reset, roles. Passwords are
 * hashed with Argon2id; links in emails are signed and expire.
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;
    static final Duration RESET_LIFETIME = Duration.ofMinutes(30);
    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

    private final StaffRepository staff;
    private final ResetRequests resetRequests;
    private final PasswordEncoder passwords;
    private final Signatures signatures;
    private final Outbox outbox;
    private final SiteSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AtomicReference<String> setupToken = new AtomicReference<>();

    Accounts(StaffRepository staff, ResetRequests resetRequests, PasswordEncoder passwords, Signatures signatures, Outbox outbox, SiteSettings settings, Clock clock,
             ApplicationEventPublisher events) {
        this.staff = staff;
        this.resetRequests = resetRequests;
        this.passwords = passwords;
        this.signatures = signatures;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    public boolean setupNeeded() {
        return staff.countActive() == 0;
    }

    /** A new one-time set-up token (replacing any earlier one), for the link printed at start-up. */
    String newSetupToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        setupToken.set(token);
        return token;
    }

    boolean setupTokenValid(String token) {
        String expected = setupToken.get();
        return expected != null && token != null && java.security.MessageDigest.isEqual(expected.getBytes(), token.getBytes()) && setupNeeded();
    }

    /** Creates the owner with the set-up link; the link works once. */
    @Transactional
    public Staff setUp(String token, String displayName, String email, String password) {
        return setUp(token, displayName, email, password, null);
    }

    /** @param firstSection the name of the site's first section, if it has none yet (blank: "News") */
    @Transactional
    public Staff setUp(String token, String displayName, String email, String password, String firstSection) {
        if (!setupTokenValid(token)) {
            throw new InvalidAccountException("token", "This set-up link is no longer valid. Restart the server for a new one.");
        }
        Staff owner = createOwner(displayName, email, password, firstSection);
        setupToken.set(null);
        return owner;
    }

    /** Creates the owner account (first start only). */
    @Transactional
    public Staff createOwner(String displayName, String email, String password) {
        return createOwner(displayName, email, password, null);
    }

    private Staff createOwner(String displayName, String email, String password, String firstSection) {
        if (!setupNeeded()) {
            throw new InvalidAccountException("email", "The owner account already exists.");
        }
        String address = normalEmail(email);
        String name = cleanName(displayName);
        Map<String, String> problems = new LinkedHashMap<>();
        checkEmail(address, problems);
        checkName(name, problems);
        checkPassword(password, address, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        long id = staff.insert(address, name, Role.OWNER, "active", passwords.encode(password), null, clock.instant());
        events.publishEvent(new StaffJoined(id, name));
        events.publishEvent(new SiteSetUp(id, firstSection));
        log.info("Owner account {} created", address);
        return staff.find(id).orElseThrow().staff();
    }

    /**
     * Invites a new staff member by email and returns the account's id. Inviting an address that is still invited
     * sends a fresh link.
     */
    @Transactional
    public long invite(Staff by, String email, String displayName, Role role) {
        String address = normalEmail(email);
        String name = cleanName(displayName);
        Map<String, String> problems = invitationProblems(by, address, name, role);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        long id;
        Optional<StaffRepository.Row> existing = staff.findByEmail(address);
        if (existing.isPresent()) {
            id = existing.get().account().id();
            staff.reinvite(id, name, role);
        } else {
            try {
                id = staff.insert(address, name, role, "invited", null, by.id(), clock.instant());
            } catch (DuplicateKeyException e) {
                throw new InvalidAccountException("email", "There is already a staff account for " + address + ".");
            }
        }
        String token = signatures.sign("invitation", Long.toString(id), clock.instant().plus(INVITATION_LIFETIME));
        String site = settings.current().name();
        outbox.enqueue(address, "You are invited to the " + site + " newsroom", """
                Hello %s,

                %s has invited you to join the %s newsroom as %s.

                Choose your password here (the link works for 7 days):
                %s/admin/invitation/%s

                If you did not expect this, ignore this email.
                """.formatted(name, by.displayName(), site, role.label().toLowerCase(Locale.ROOT), baseUrl(), token));
        return id;
    }

    /**
     * Why {@link #invite} would refuse this invitation, or empty when it would send it. Lets a caller inside a larger
     * transaction (an import) skip one invitation instead of failing the whole transaction.
     */
    public Optional<String> invitationRefused(Staff by, String email, String displayName, Role role) {
        Map<String, String> problems = invitationProblems(by, normalEmail(email), cleanName(displayName), role);
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems.values()));
    }

    private Map<String, String> invitationProblems(Staff by, String address, String name, Role role) {
        Map<String, String> problems = new LinkedHashMap<>();
        checkEmail(address, problems);
        checkName(name, problems);
        if (role == null || !by.role().mayGrant(role)) {
            problems.put("role", "Choose a role at or below your own (the owner role cannot be given).");
        }
        if (problems.isEmpty()) {
            staff.findByEmail(address).filter(existing -> !"invited".equals(existing.account().status()))
                    .ifPresent(existing -> problems.put("email", "There is already a staff account for " + address + "."));
        }
        return problems;
    }

    /** The site's owner, acting: invitations an operator's command sends go out in the owner's name. */
    public Optional<Staff> owner() {
        return staff.listAll().stream().filter(a -> a.role() == Role.OWNER && a.active()).findFirst().flatMap(a -> staff.find(a.id()))
                .map(StaffRepository.Row::staff);
    }

    /** The invited account a link is for, while the invitation is open. */
    public Optional<Account> invitation(String token) {
        return signatures.verify("invitation", token).flatMap(Accounts::parseId).flatMap(staff::find).map(StaffRepository.Row::account)
                .filter(a -> "invited".equals(a.status()));
    }

    @Transactional
    public Staff acceptInvitation(String token, String displayName, String password) {
        Account invited = invitation(token)
                .orElseThrow(() -> new InvalidAccountException("token", "This invitation has expired or was already used. Ask for a new one."));
        String name = cleanName(displayName);
        Map<String, String> problems = new LinkedHashMap<>();
        checkName(name, problems);
        checkPassword(password, invited.email(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        if (!staff.activate(invited.id(), name, passwords.encode(password))) {
            throw new InvalidAccountException("token", "This invitation was already used.");
        }
        events.publishEvent(new StaffJoined(invited.id(), name));
        return staff.find(invited.id()).orElseThrow().staff();
    }

    /** Changes one's own password; every other session of the account is signed out. Returns the account with its new stamp. */
    @Transactional
    public Staff changePassword(Staff who, String currentPassword, String newPassword) {
        StaffRepository.Row row = staff.find(who.id()).orElseThrow();
        Map<String, String> problems = new LinkedHashMap<>();
        if (currentPassword == null || !passwords.matches(currentPassword, row.passwordHash())) {
            problems.put("currentPassword", "Your current password is not right.");
        }
        checkPassword(newPassword, row.account().email(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        staff.changePassword(who.id(), passwords.encode(newPassword));
        return staff.find(who.id()).orElseThrow().staff();
    }

    /**
     * Records a request for a reset link, whoever the address belongs to: the caller answers the same either way, and
     * the answer costs the same work either way (one row written, nothing looked up), so its timing tells nobody
     * which addresses are staff. {@link ResetLinks} sends the links.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        String address = normalEmail(email);
        resetRequests.add(address.length() > 320 ? address.substring(0, 320) : address, clock.instant());
    }

    /**
     * Answers one waiting reset request (see {@link ResetLinks}): sends the link if the address belongs to an active
     * account. The request is gone either way; taking it and writing the email happen together or not at all.
     */
    @Transactional
    public void answerResetRequest(long requestId, String address) {
        if (!resetRequests.claim(requestId)) {
            return;
        }
        staff.findByEmail(address).filter(r -> r.account().active()).ifPresent(row -> {
            String token = signatures.sign("reset", row.account().id() + "." + row.sessionStamp(), clock.instant().plus(RESET_LIFETIME));
            outbox.enqueue(address, "Reset your " + settings.current().name() + " password", """
                    Hello %s,

                    Someone (we hope you) asked to reset the password of your staff account.
                    Choose a new password here (the link works once, for 30 minutes):
                    %s/admin/password-reset/%s

                    If you did not ask, ignore this email: your password stays as it is.
                    """.formatted(row.account().displayName(), baseUrl(), token));
        });
    }

    /** The account a reset link is for, while it is unused and unexpired. */
    public Optional<Account> resetFor(String token) {
        return resetRow(token).map(StaffRepository.Row::account);
    }

    /** Sets a new password from a reset link; the link stops working and every session of the account is signed out. */
    @Transactional
    public Staff resetPassword(String token, String newPassword) {
        StaffRepository.Row row = resetRow(token)
                .orElseThrow(() -> new InvalidAccountException("token", "This reset link has expired or was already used. Ask for a new one."));
        Map<String, String> problems = new LinkedHashMap<>();
        checkPassword(newPassword, row.account().email(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        staff.changePassword(row.account().id(), passwords.encode(newPassword));
        return staff.find(row.account().id()).orElseThrow().staff();
    }

    /** The addresses of these accounts that are active (for notices to staff). */
    public List<String> activeEmails(java.util.Collection<Long> ids) {
        return ids.stream().distinct().map(staff::find).flatMap(Optional::stream).filter(r -> r.account().active()).map(r -> r.account().email())
                .toList();
    }

    /** A new display name (the byline's, which the staff screen and revisions also show). */
    @Transactional
    public void rename(Staff who, String displayName) {
        String name = cleanName(displayName);
        Map<String, String> problems = new LinkedHashMap<>();
        checkName(name, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        staff.rename(who.id(), name);
    }

    public List<Account> list() {
        return staff.listAll();
    }

    @Transactional
    public void changeRole(Staff by, long id, Role role) {
        Account target = editable(by, id);
        if (role == null || !by.role().mayGrant(role)) {
            throw new InvalidAccountException("role", "Choose a role at or below your own (the owner role cannot be given).");
        }
        staff.changeRole(target.id(), role);
    }

    /** Disables (signs out at once) or re-enables an account; invitations are withdrawn instead. */
    @Transactional
    public void setActive(Staff by, long id, boolean active) {
        Account target = editable(by, id);
        if ("invited".equals(target.status())) {
            staff.deleteInvitation(id);
        } else {
            staff.changeStatus(id, active ? "active" : "disabled");
        }
    }

    /** The staff account of this address, if there is one (for a data-access request). */
    public Optional<Account> export(String email) {
        return staff.findByEmail(normalEmail(email)).map(StaffRepository.Row::account);
    }

    /**
     * Why {@code by} may not erase the account of this address, or empty when they may (or there is none): the
     * owner's account is never erased (the site would have no owner), nor one's own, nor one above one's role.
     */
    public Optional<String> refusalToErase(Staff by, String email) {
        return staff.findByEmail(normalEmail(email)).map(StaffRepository.Row::account).map(target -> {
            if (target.role() == Role.OWNER) {
                return "This address belongs to the owner's account, which cannot be erased: the site must keep its owner.";
            }
            if (target.id() == by.id()) {
                return "This is your own account; another owner or admin must erase it.";
            }
            if (target.role().ordinal() < by.role().ordinal()) {
                return "This address belongs to an account above your role.";
            }
            return null;
        });
    }

    /**
     * Erases the staff account of this address (for an erasure request): an invitation is deleted; an account is
     * disabled at once and keeps nothing of the person. Their byline and the names in article revisions are the
     * newsroom's published record and stay. False if there is no account; throws if {@link #refusalToErase} refuses.
     */
    @Transactional
    public boolean erase(Staff by, String email) {
        Optional<String> refusal = refusalToErase(by, email);
        if (refusal.isPresent()) {
            throw new InvalidAccountException("email", refusal.get());
        }
        return staff.findByEmail(normalEmail(email)).map(StaffRepository.Row::account).map(target -> {
            if ("invited".equals(target.status())) {
                staff.deleteInvitation(target.id());
            } else {
                staff.anonymise(target.id());
            }
            log.info("Staff account {} erased at the request of account {}", target.id(), by.id());
            return true;
        }).orElse(false);
    }

    /** The account behind a session, if it is still active and its password has not changed since sign-in. */
    Optional<Staff> stillValid(long id, int sessionStamp) {
        return staff.find(id).filter(r -> r.account().active() && r.sessionStamp() == sessionStamp).map(StaffRepository.Row::staff);
    }

    Optional<Staff> activeStaff(long id) {
        return staff.find(id).filter(r -> r.account().active()).map(StaffRepository.Row::staff);
    }

    private Account editable(Staff by, long id) {
        Account target = staff.find(id).map(StaffRepository.Row::account)
                .orElseThrow(() -> new InvalidAccountException("id", "There is no such account."));
        if (target.id() == by.id()) {
            throw new InvalidAccountException("id", "You cannot change your own role or access.");
        }
        if (target.role() == Role.OWNER || target.role().ordinal() < by.role().ordinal()) {
            throw new InvalidAccountException("id", "You cannot change an account above your own role.");
        }
        return target;
    }

    private Optional<StaffRepository.Row> resetRow(String token) {
        return signatures.verify("reset", token).flatMap(subject -> {
            String[] parts = subject.split("\\.");
            if (parts.length != 2) {
                return Optional.empty();
            }
            return parseId(parts[0]).flatMap(staff::find)
                    .filter(r -> r.account().active() && Integer.toString(r.sessionStamp()).equals(parts[1]));
        });
    }

    private String baseUrl() {
        return settings.current().baseUrl();
    }

    private static Optional<Long> parseId(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String normalEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String cleanName(String name) {
        return HiddenCharacters.removedFromName(name);
    }

    private static void checkEmail(String email, Map<String, String> problems) {
        if (email.isEmpty()) {
            problems.put("email", "An email address is required.");
        } else if (email.length() > 254 || !email.matches("[^\\s@<>\",;()\\[\\]\\\\]+@[^\\s@<>\",;()\\[\\]\\\\]+\\.[^\\s@<>\",;()\\[\\]\\\\]+")) {
            problems.put("email", "Enter one email address, such as name@news.example.");
        }
    }

    private static void checkName(String name, Map<String, String> problems) {
        if (name.isEmpty() || name.length() > 100) {
            problems.put("displayName", "A name of 1 to 100 characters is required.");
        }
    }

    private static void checkPassword(String password, String email, Map<String, String> problems) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            problems.put("password", "Choose a password of " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        } else if (password.strip().equalsIgnoreCase(email)) {
            problems.put("password", "Your password must not be your email address.");
        }
    }
}
