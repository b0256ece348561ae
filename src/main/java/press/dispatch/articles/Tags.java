package press.dispatch.articles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tags articles carry: list with counts, rename, merge one into another, delete. A renamed or merged tag's old
 * address answers with a permanent redirect to the tag that has its articles now; a deleted tag's address is gone.
 * Every change publishes {@link TagsChanged} once, which purges the page cache after the commit.
 */
@Service
public class Tags {

    static final int MAX_NAME = 60;

    private final TagRepository tags;
    private final ApplicationEventPublisher events;

    Tags(TagRepository tags, ApplicationEventPublisher events) {
        this.tags = tags;
        this.events = events;
    }

    /** A tag with the number of articles that carry it. */
    public record Listed(Tag tag, long articles) {
    }

    public List<Listed> list() {
        return tags.listCounted().stream().map(c -> new Listed(c.tag(), c.articles())).toList();
    }

    Tag get(long id) {
        return tags.find(id).orElseThrow(() -> new NoSuchElementException("No tag " + id));
    }

    /** @param slug blank: made from the new name. A changed slug keeps the old one as a redirect. */
    @Transactional
    public Tag rename(long id, String name, String slug) {
        Tag before = get(id);
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            problems.put("name", "A name of 1 to " + MAX_NAME + " characters is required.");
        }
        String cleanSlug = slug == null || slug.isBlank() ? (cleanName.isEmpty() ? "" : Slugs.from(cleanName)) : slug.strip();
        if (!cleanSlug.isEmpty() && !Slugs.isValid(cleanSlug)) {
            problems.put("slug", "An address is lower-case letters and digits joined by single hyphens, such as air-defence.");
        } else if (!cleanSlug.isEmpty()) {
            tags.findBySlug(cleanSlug).filter(t -> t.id() != id).ifPresent(other -> problems.put("slug",
                    "The tag " + other.name() + " has the address /tags/" + cleanSlug + ": merge into it instead."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidStructureException(problems);
        }
        tags.rename(before, cleanSlug, cleanName);
        events.publishEvent(new TagsChanged());
        return get(id);
    }

    /** Every article tagged {@code id} is tagged {@code into} instead, and {@code id} is gone (its address redirects). */
    @Transactional
    public Tag merge(long id, long into) {
        Tag gone = get(id);
        if (into == id) {
            throw new InvalidStructureException("into", "Choose another tag to merge into.");
        }
        Tag kept = tags.find(into).orElseThrow(() -> new InvalidStructureException("into", "Choose a tag that exists to merge into."));
        tags.merge(gone, kept);
        events.publishEvent(new TagsChanged());
        return kept;
    }

    /** Takes the tag off its articles, which keep their other tags. */
    @Transactional
    public void delete(long id) {
        tags.delete(get(id));
        events.publishEvent(new TagsChanged());
    }

    /** Tags were renamed, merged or deleted: every page that shows one changes. */
    public record TagsChanged() {
    }
}
