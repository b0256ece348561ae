package press.dispatch.pages;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import press.dispatch.accounts.Staff;
import press.dispatch.platform.MemoryCopy;
import press.dispatch.platform.PageCache;
import press.dispatch.site.NavLink;
import press.dispatch.site.PageLinks;

/**
 * Owns every change to a static page: create, save (a new revision of the working copy), publish (the working copy
 * goes live), unpublish, delete. Reads time from the {@link Clock}; publishes {@link PageChanged} once per change.
 *
 * <p>Invariant: no page has a slug that one of the site's own routes uses, so {@code /{slug}} never hides a route
 * and a route added later is checked against every new save.
 */
@Service
public class StaticPages implements PageLinks {

    /** Refused even where no route uses them today: files browsers and crawlers ask for, and addresses kept for later. */
    static final Set<String> ALWAYS_RESERVED = Set.of("admin", "api", "articles", "media", "assets", "sections", "tags", "authors", "actuator",
            "subscribe", "unsubscribe", "search", "feed", "feeds", "rss", "atom", "sitemap", "sitemaps", "login", "logout", "signin", "static",
            "error", "comments", "pages", "newsletter", "newsletters", "favicon", "robots", "well-known", "stories", "live", "amp", "page");
    /** The slugs that make a page the privacy policy, in order of preference. */
    static final List<String> PRIVACY_SLUGS = List.of("privacy", "privacy-policy");
    /** A corrections policy page links to the site's list of corrections, which links back to it. */
    static final List<String> CORRECTIONS_POLICY_SLUGS = List.of("corrections-policy", "corrections-and-clarifications");
    static final int MAX_SLUG = 80;

    private final PageRepository pages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile Set<String> reserved;
    /**
     * Where the privacy and corrections policies are, as every article page links them. Only publishing, unpublishing,
     * deleting or re-addressing a published page changes them, each a purge of every page (which reaches other nodes).
     */
    private final MemoryCopy<PolicyLinks> policies;

    private record PolicyLinks(Optional<String> privacy, Optional<String> corrections) {
    }

    StaticPages(PageRepository pages, ApplicationEventPublisher events, Clock clock,
                @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings, PageCache cache) {
        this.policies = new MemoryCopy<>(() -> new PolicyLinks(pages.firstPublished(PRIVACY_SLUGS).map(slug -> "/" + slug),
                pages.firstPublished(CORRECTIONS_POLICY_SLUGS).map(slug -> "/" + slug)), cache);
        this.pages = pages;
        this.events = events;
        this.clock = clock;
        this.mappings = mappings;
    }

    /** Every page readers can see, by title: for sitemaps and menus. */
    public List<PublishedPage> listPublished() {
        return pages.listPublished().stream().map(p -> new PublishedPage(p.id(), p.slug(), p.liveTitle(), p.updatedAt())).toList();
    }

    @Override
    public List<NavLink> footer() {
        return listPublished().stream().map(p -> new NavLink(p.title(), p.href())).toList();
    }

    /** The address of the published privacy policy (a page whose slug is {@code privacy} or {@code privacy-policy}), if there is one. */
    @Override
    public Optional<String> privacyHref() {
        return policies.get().privacy();
    }

    /** The address of the published corrections policy, if there is one. */
    public Optional<String> correctionsPolicyHref() {
        return policies.get().corrections();
    }

    List<Page> listAll() {
        return pages.listAll();
    }

    /** The page with this id, published or not. */
    public Optional<Page> find(long id) {
        return pages.find(id);
    }

    Page open(long id) {
        return pages.find(id).orElseThrow(() -> new NoSuchElementException("No page " + id));
    }

    Optional<Page> findPublished(String slug) {
        return pages.findBySlug(slug).filter(Page::published);
    }

    List<PageRevision> revisions(long id) {
        open(id);
        return pages.revisions(id);
    }

    @Transactional
    public long create(Staff staff, PageDraft draft) {
        String slug = check(draft, null);
        Instant now = clock.instant();
        long id = pages.insert(draft, slug, now);
        pages.addRevision(id, staffId(staff), staffName(staff), draft, slug, now);
        events.publishEvent(new PageChanged(id, false));
        return id;
    }

    /** Saves the working copy as a new revision; readers keep seeing the live copy until {@link #publish}. */
    @Transactional
    public void save(Staff staff, long id, PageDraft draft, int version) {
        Page before = open(id);
        String slug = check(draft, id);
        Instant now = clock.instant();
        if (!pages.update(id, draft, slug, version, now)) {
            throw new PageConflictException(open(id).version());
        }
        pages.addRevision(id, staffId(staff), staffName(staff), draft, slug, now);
        events.publishEvent(new PageChanged(id, before.published() && !before.slug().equals(slug)));
    }

    @Transactional
    public void publish(long id) {
        open(id);
        pages.publish(id, clock.instant());
        events.publishEvent(new PageChanged(id, true));
    }

    @Transactional
    public void unpublish(long id) {
        Page page = open(id);
        pages.unpublish(id, clock.instant());
        events.publishEvent(new PageChanged(id, page.published()));
    }

    @Transactional
    public void delete(long id) {
        Page page = open(id);
        pages.delete(id);
        events.publishEvent(new PageChanged(id, page.published()));
    }

    /** Puts an old revision's title, slug and body back as the working copy (a new revision); publishing stays a separate step. */
    @Transactional
    public void restore(Staff staff, long id, int number, int version) {
        PageRevision old = pages.revision(id, number).orElseThrow(() -> new NoSuchElementException("No revision " + number));
        save(staff, id, new PageDraft(old.title(), old.slug(), old.bodyMarkdown()), version);
    }

    /** The slug this draft will have; throws with every problem named. */
    private String check(PageDraft draft, Long id) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.title().isEmpty()) {
            problems.put("title", "Give the page a title.");
        } else if (draft.title().length() > PageDraft.MAX_TITLE) {
            problems.put("title", "Keep the title under " + PageDraft.MAX_TITLE + " characters.");
        }
        if (draft.body().length() > PageDraft.MAX_BODY) {
            problems.put("body", "The body is longer than " + PageDraft.MAX_BODY + " characters; split it into several pages.");
        }
        String slug = draft.slug().isEmpty() ? slugOf(draft.title()) : draft.slug();
        if (!slug.isEmpty() && !problems.containsKey("title")) {
            if (slug.length() > MAX_SLUG || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.put("slug", "Use lower-case letters, digits and single hyphens (at most " + MAX_SLUG + " characters), such as about-us.");
            } else if (slug.chars().noneMatch(Character::isLetter)) {
                problems.put("slug", "Put a letter in the slug: addresses of digits alone, such as /2026, are the date archives.");
            } else if (reserved().contains(slug)) {
                problems.put("slug", "“" + slug + "” is reserved: the site uses /" + slug + " itself. Choose another slug, such as about-" + slug + ".");
            } else if (pages.slugTaken(slug, id)) {
                problems.put("slug", "Another page already has the slug “" + slug + "”.");
            }
        } else if (slug.isEmpty() && !problems.containsKey("title")) {
            problems.put("slug", "Give a slug of letters or digits: the title has none.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPageException(problems);
        }
        return slug;
    }

    /**
     * Why a new page could not take this slug (reserved, taken, malformed), or empty when it can. Lets an import choose
     * another slug before it writes, instead of failing inside its one transaction.
     */
    public Optional<String> slugRefused(String slug) {
        try {
            check(new PageDraft("Page", slug, ""), null);
            return Optional.empty();
        } catch (InvalidPageException e) {
            return Optional.of(String.join(" ", e.problems().values()));
        }
    }

    /** Reserved words and the first segment of every route the application has. */
    Set<String> reserved() {
        Set<String> known = reserved;
        if (known == null) {
            Set<String> words = new TreeSet<>(ALWAYS_RESERVED);
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            if (mapping != null) {
                mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
                    String first = firstSegment(pattern);
                    if (!first.isEmpty() && !first.contains("{") && !first.contains("*")) {
                        words.add(first.toLowerCase(Locale.ROOT).replaceAll("\\..*$", ""));
                    }
                }));
                reserved = Set.copyOf(words);
            }
            return words;
        }
        return known;
    }

    private static String firstSegment(String pattern) {
        int start = pattern.startsWith("/") ? 1 : 0;
        int end = pattern.indexOf('/', start);
        return end < 0 ? pattern.substring(start) : pattern.substring(start, end);
    }

    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug;
    }

    private static Long staffId(Staff staff) {
        return staff == null ? null : staff.id();
    }

    private static String staffName(Staff staff) {
        return staff == null ? "Dispatch" : staff.displayName();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void pageChanged(PageChanged changed) {
        policies.forget();
    }
}
