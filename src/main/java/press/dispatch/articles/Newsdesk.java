package press.dispatch.articles;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.platform.HiddenCharacters;

/** Sections, tags and authors: the things articles are filed under and written by. */
@Service
public class Newsdesk {

    private final SectionRepository sections;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Newsdesk(SectionRepository sections, TagRepository tags, AuthorRepository authors, Clock clock, ApplicationEventPublisher events) {
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Section createSection(String name, String description) {
        String clean = required(name, "section name", 80);
        String slug = Slugs.unique(Slugs.from(clean), s -> sections.findBySlug(s).isPresent());
        Section section = sections.insert(slug, clean, description == null ? "" : description.strip());
        events.publishEvent(new SectionsChanged());
        return section;
    }

    public List<Section> sections() {
        return sections.listAll();
    }

    @Transactional
    public Author createAuthor(String displayName, String bio) {
        String clean = required(displayName, "author name", 100);
        String slug = Slugs.unique(Slugs.from(clean), authors::slugTaken);
        return authors.insert(slug, clean, bio == null ? "" : bio.strip(), clock.instant());
    }

    /** The tag with this name, created if there is none yet. Names that make the same slug are one tag. */
    @Transactional
    public Tag tagNamed(String name) {
        String clean = required(name, "tag name", 60);
        String slug = Slugs.from(clean);
        return tags.findBySlug(slug).orElseGet(() -> tags.insert(slug, clean));
    }

    private static String required(String value, String what, int max) {
        String clean = HiddenCharacters.removedFromName(value);
        if (clean.isEmpty() || clean.length() > max) {
            throw new IllegalArgumentException("A " + what + " of 1 to " + max + " characters is required.");
        }
        return clean;
    }

    /** Section list changed: every page's navigation shows it. */
    public record SectionsChanged() {
    }
}
