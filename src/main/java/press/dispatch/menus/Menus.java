package press.dispatch.menus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.articles.Newsdesk;
import press.dispatch.articles.Section;
import press.dispatch.articles.Tag;
import press.dispatch.articles.Tags;
import press.dispatch.pages.PageChanged;
import press.dispatch.pages.PublishedPage;
import press.dispatch.pages.StaticPages;
import press.dispatch.platform.MemoryCopy;
import press.dispatch.platform.PageCache;
import press.dispatch.site.NavLink;
import press.dispatch.site.SiteMenus;

/**
 * Reads and replaces the header and footer menus. Readers' menus are built once and kept in memory until a menu, a
 * section, a tag or a page changes. Invariant: a reader never gets a link to a target that is gone or unpublished,
 * and never a URL that is not http, https or an address on this site (so no {@code javascript:} link can be stored).
 */
@Service
public class Menus implements SiteMenus {

    static final int MAX_ITEMS = 40;
    static final int MAX_LABEL = 80;
    static final int MAX_URL = 2000;

    private final MenuRepository menus;
    private final Newsdesk newsdesk;
    private final Tags tags;
    private final StaticPages pages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The menus as every page shows them; a change on another node reaches this node with its purge of every page. */
    private final MemoryCopy<Map<Menu, List<NavLink>>> shown;

    Menus(MenuRepository menus, Newsdesk newsdesk, Tags tags, StaticPages pages, ApplicationEventPublisher events, Clock clock, PageCache cache) {
        this.shown = new MemoryCopy<>(this::build, cache);
        this.menus = menus;
        this.newsdesk = newsdesk;
        this.tags = tags;
        this.pages = pages;
        this.events = events;
        this.clock = clock;
    }

    /** What a target may be: every section, published page and tag, for the editor's choices. */
    record Targets(Map<Long, Section> sections, Map<Long, PublishedPage> pages, Map<Long, Tag> tags) {
    }

    Targets targets(boolean withTags) {
        return new Targets(newsdesk.sections().stream().collect(Collectors.toMap(Section::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)),
                pages.listPublished().stream().collect(Collectors.toMap(PublishedPage::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)),
                withTags ? tags.list().stream().map(Tags.Listed::tag).collect(Collectors.toMap(Tag::id, Function.identity(), (a, b) -> a, LinkedHashMap::new))
                        : Map.of());
    }

    public boolean edited(Menu menu) {
        return menus.find(menu).isPresent();
    }

    /** The menu's items as staff see them, broken ones included: the stored items, or the defaults if never edited. */
    public List<MenuEntry> entries(Menu menu) {
        Targets targets = targets(true);
        return items(menu, targets).stream().map(item -> entry(item, targets)).toList();
    }

    /** Unsaved items as the editor shows them (after a refused save). */
    List<MenuEntry> entries(List<MenuItem> items) {
        Targets targets = targets(true);
        return items.stream().map(item -> entry(item, targets)).toList();
    }

    private List<MenuItem> items(Menu menu, Targets targets) {
        return menus.find(menu).orElseGet(() -> defaults(menu, targets));
    }

    private static List<MenuItem> defaults(Menu menu, Targets targets) {
        return switch (menu) {
            case HEADER -> targets.sections().keySet().stream().map(id -> new MenuItem(MenuItem.Kind.SECTION, id, null, "")).toList();
            case FOOTER -> targets.pages().keySet().stream().map(id -> new MenuItem(MenuItem.Kind.PAGE, id, null, "")).toList();
        };
    }

    private static MenuEntry entry(MenuItem item, Targets targets) {
        String label = item.label() == null ? "" : item.label();
        return switch (item.kind()) {
            case SECTION -> {
                Section s = targets.sections().get(item.targetId());
                yield s == null ? broken(item, label, "Section (deleted)")
                        : new MenuEntry(item, label.isEmpty() ? s.name() : label, "Section: " + s.name(), s.href(), false);
            }
            case PAGE -> {
                PublishedPage p = targets.pages().get(item.targetId());
                yield p == null ? broken(item, label, "Page (deleted or unpublished)")
                        : new MenuEntry(item, label.isEmpty() ? p.title() : label, "Page: " + p.title(), p.href(), false);
            }
            case TAG -> {
                Tag t = targets.tags().get(item.targetId());
                yield t == null ? broken(item, label, "Tag (deleted)")
                        : new MenuEntry(item, label.isEmpty() ? t.name() : label, "Tag: " + t.name(), t.href(), false);
            }
            case URL -> new MenuEntry(item, label.isEmpty() ? shortAddress(item.url()) : label, item.url(), item.url(), false);
        };
    }

    private static MenuEntry broken(MenuItem item, String label, String target) {
        return new MenuEntry(item, label.isEmpty() ? target : label, target, null, true);
    }

    private static String shortAddress(String url) {
        return url.replaceFirst("(?i)^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/$", "");
    }

    @Override
    public List<NavLink> header() {
        return shown().get(Menu.HEADER);
    }

    @Override
    public List<NavLink> footer() {
        return shown().get(Menu.FOOTER);
    }

    private Map<Menu, List<NavLink>> shown() {
        return shown.get();
    }

    private Map<Menu, List<NavLink>> build() {
        Map<Menu, List<MenuItem>> stored = new EnumMap<>(Menu.class);
        for (Menu menu : Menu.values()) {
            menus.find(menu).ifPresent(items -> stored.put(menu, items));
        }
        boolean withTags = stored.values().stream().flatMap(List::stream).anyMatch(i -> i.kind() == MenuItem.Kind.TAG);
        Targets targets = targets(withTags);
        Map<Menu, List<NavLink>> built = new EnumMap<>(Menu.class);
        for (Menu menu : Menu.values()) {
            built.put(menu, stored.getOrDefault(menu, defaults(menu, targets)).stream().map(item -> entry(item, targets)).filter(e -> !e.broken())
                    .map(e -> new NavLink(e.name(), e.href())).toList());
        }
        return Map.copyOf(built);
    }

    /** Saves the menu as these items, in this order, or nothing. A target must exist unless the menu already held it (a broken item may be kept). */
    @Transactional
    public void replace(Menu menu, List<MenuItem> items) {
        List<MenuItem> clean = check(menu, items);
        menus.replace(menu, clean, clock.instant());
        events.publishEvent(new MenuChanged(menu));
    }

    /** Forgets the menu's items: it shows its defaults again. */
    @Transactional
    public void reset(Menu menu) {
        menus.reset(menu);
        events.publishEvent(new MenuChanged(menu));
    }

    private List<MenuItem> check(Menu menu, List<MenuItem> items) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (items == null) {
            throw new InvalidMenuException(Map.of("items", "Send the list of items (it may be empty)."));
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidMenuException(Map.of("items", "A menu has at most " + MAX_ITEMS + " items."));
        }
        Targets targets = targets(items.stream().anyMatch(i -> i != null && i.kind() == MenuItem.Kind.TAG));
        Set<String> held = new HashSet<>();
        menus.find(menu).ifPresent(stored -> stored.forEach(i -> held.add(i.kind() + ":" + i.targetId())));
        List<MenuItem> clean = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            MenuItem item = items.get(n);
            String at = "items[" + n + "]";
            if (item == null || item.kind() == null) {
                problems.put(at + ".type", "Choose what the item links to: section, page, tag or url.");
                continue;
            }
            String label = item.label() == null ? "" : item.label().strip();
            if (label.length() > MAX_LABEL || label.chars().anyMatch(Character::isISOControl)) {
                problems.put(at + ".label", "A label is at most " + MAX_LABEL + " characters on one line.");
            }
            if (item.kind() == MenuItem.Kind.URL) {
                String url = item.url() == null ? "" : item.url().strip();
                problemWithUrl(url).ifPresent(p -> problems.put(at + ".url", p));
                clean.add(new MenuItem(MenuItem.Kind.URL, null, url, label));
                continue;
            }
            Long id = item.targetId();
            boolean exists = id != null && switch (item.kind()) {
                case SECTION -> targets.sections().containsKey(id);
                case PAGE -> targets.pages().containsKey(id);
                case TAG -> targets.tags().containsKey(id);
                case URL -> false;
            };
            if (!exists && !held.contains(item.kind() + ":" + id)) {
                problems.put(at + ".targetId", switch (item.kind()) {
                    case SECTION -> "Choose a section that exists.";
                    case PAGE -> "Choose a published page.";
                    default -> "Choose a tag that exists.";
                });
            }
            clean.add(new MenuItem(item.kind(), id, null, label));
        }
        if (!problems.isEmpty()) {
            throw new InvalidMenuException(problems);
        }
        return clean;
    }

    /**
     * Why this address may not be a menu link, if it may not: only {@code http}/{@code https} addresses with a host, or
     * an address on this site starting with a single {@code /}. Everything else ({@code javascript:}, {@code data:},
     * {@code //elsewhere}, backslashes, spaces and control characters that browsers strip) is refused.
     */
    static Optional<String> problemWithUrl(String url) {
        String allowed = "Give an address starting with https://, http:// or / (a page on this site).";
        if (url.isEmpty()) {
            return Optional.of(allowed);
        }
        if (url.length() > MAX_URL) {
            return Optional.of("An address is at most " + MAX_URL + " characters.");
        }
        if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            return Optional.of("An address has no spaces, backslashes or invisible characters.");
        }
        if (url.startsWith("/")) {
            return url.startsWith("//") ? Optional.of(allowed) : Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.of(allowed);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(allowed);
        }
    }

    /** A section deleted into another: its items follow its articles there, in the same transaction (no event: nothing readers see changes). */
    @org.springframework.context.event.EventListener
    void sectionDeleted(press.dispatch.articles.Sections.SectionDeleted deleted) {
        if (deleted.movedTo() != null) {
            menus.retargetSection(deleted.sectionId(), deleted.movedTo());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void menuChanged(MenuChanged changed) {
        shown.forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void sectionsChanged(Newsdesk.SectionsChanged changed) {
        shown.forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void tagsChanged(Tags.TagsChanged changed) {
        shown.forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void pageChanged(PageChanged changed) {
        shown.forget();
    }
}
