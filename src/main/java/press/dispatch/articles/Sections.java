package press.dispatch.articles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site's sections: create, rename, re-address, describe, reorder and delete. A site always has at least one
 * section. A section's old addresses (after a slug change, or after it was deleted into another) answer with a
 * permanent redirect to where its articles are now. Every change publishes {@link Newsdesk.SectionsChanged} once, which
 * reloads the navigation and purges the page cache after the commit.
 */
@Service
public class Sections {

    static final int MAX_NAME = 80;
    static final int MAX_DESCRIPTION = 500;
    static final String DEFAULT_NAME = "News";

    private final SectionRepository sections;
    private final ApplicationEventPublisher events;

    Sections(SectionRepository sections, ApplicationEventPublisher events) {
        this.sections = sections;
        this.events = events;
    }

    /** A section with the number of articles filed in it. */
    public record Listed(Section section, long articles) {
    }

    public List<Listed> list() {
        Map<Long, Long> counts = sections.articleCounts();
        return sections.listAll().stream().map(s -> new Listed(s, counts.getOrDefault(s.id(), 0L))).toList();
    }

    Section get(long id) {
        return sections.find(id).orElseThrow(() -> new NoSuchElementException("No section " + id));
    }

    /** @param slug blank: made from the name */
    @Transactional
    public Section create(String name, String slug, String description) {
        Checked checked = check(name, slug, description, 0);
        Section created = sections.insert(checked.slug(), checked.name(), checked.description());
        events.publishEvent(new Newsdesk.SectionsChanged());
        return created;
    }

    /** @param slug blank: made from the (new) name. A changed slug keeps the old one as a redirect. */
    @Transactional
    public Section update(long id, String name, String slug, String description) {
        Section before = get(id);
        Checked checked = check(name, slug, description, id);
        sections.update(before, checked.slug(), checked.name(), checked.description());
        events.publishEvent(new Newsdesk.SectionsChanged());
        return get(id);
    }

    /** The sections in this order; the list must name every section once. */
    @Transactional
    public void reorder(List<Long> ids) {
        List<Long> all = sections.listAll().stream().map(Section::id).toList();
        if (ids == null || ids.size() != all.size() || !ids.containsAll(all)) {
            throw new InvalidStructureException("sectionIds", "Name every section once, in the new order.");
        }
        sections.reorder(ids);
        events.publishEvent(new Newsdesk.SectionsChanged());
    }

    /** One place earlier (negative) or later (positive) in the navigation. */
    @Transactional
    public void move(long id, int by) {
        get(id);
        List<Long> ids = new ArrayList<>(sections.listAll().stream().map(Section::id).toList());
        int from = ids.indexOf(id);
        int to = Math.max(0, Math.min(ids.size() - 1, from + by));
        ids.remove(from);
        ids.add(to, id);
        sections.reorder(ids);
        events.publishEvent(new Newsdesk.SectionsChanged());
    }

    /**
     * Deletes a section. If articles are filed in it, {@code into} names the section they move to (and its old
     * address then redirects there); the last section cannot be deleted.
     */
    @Transactional
    public void delete(long id, Long into) {
        Section gone = get(id);
        if (sections.listAll().size() == 1) {
            throw new InvalidStructureException("section", "A site always has at least one section: create another before deleting this one.");
        }
        long filed = sections.articleCounts().getOrDefault(id, 0L);
        if (into == null && filed > 0) {
            throw new InvalidStructureException("moveTo", "Choose the section its " + filed + (filed == 1 ? " article moves" : " articles move")
                    + " to.");
        }
        if (into != null) {
            if (into == id || sections.find(into).isEmpty()) {
                throw new InvalidStructureException("moveTo", "Choose another section that exists.");
            }
            sections.delete(gone, into);
        } else {
            sections.delete(gone);
        }
        events.publishEvent(new Newsdesk.SectionsChanged());
        events.publishEvent(new SectionDeleted(id, into));
    }

    /** Creates the first section if the site has none: a site is never without one. */
    @Transactional
    public void ensureOne(String name) {
        if (!sections.listAll().isEmpty()) {
            return;
        }
        String wanted = name == null || name.isBlank() ? DEFAULT_NAME : name;
        try {
            create(wanted, "", "");
        } catch (InvalidStructureException e) {
            create(DEFAULT_NAME, "", "");
        }
    }

    private record Checked(String name, String slug, String description) {
    }

    private Checked check(String name, String slug, String description, long id) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            problems.put("name", "A name of 1 to " + MAX_NAME + " characters is required.");
        }
        String cleanSlug = slug == null || slug.isBlank() ? (cleanName.isEmpty() ? "" : Slugs.from(cleanName)) : slug.strip();
        if (!cleanSlug.isEmpty() && !Slugs.isValid(cleanSlug)) {
            problems.put("slug", "An address is lower-case letters and digits joined by single hyphens, such as air-power.");
        } else if (!cleanSlug.isEmpty() && sections.slugTaken(cleanSlug, id)) {
            problems.put("slug", "Another section has the address /sections/" + cleanSlug + ".");
        }
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > MAX_DESCRIPTION) {
            problems.put("description", "A description is at most " + MAX_DESCRIPTION + " characters.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidStructureException(problems);
        }
        return new Checked(cleanName, cleanSlug, cleanDescription);
    }

    /** A section was deleted; its articles moved to {@code movedTo} (null if it had none). */
    public record SectionDeleted(long sectionId, Long movedTo) {
    }
}
