package press.dispatch.threads;

import gg.jte.TemplateEngine;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import press.dispatch.articles.Story;
import press.dispatch.articles.StoryNotes;

/** On an article in a thread: "Part of: …, N updates" at the top; previous, next and the follow form at the foot. */
@Component
@Order(20)
class ThreadNotes implements StoryNotes {

    private final Threads threads;
    private final TemplateEngine templates;

    ThreadNotes(Threads threads, TemplateEngine templates) {
        this.threads = threads;
        this.templates = templates;
    }

    @Override
    public Notes notes(Story story) {
        ThreadScreens.Box box = threads.place(story).map(p -> new ThreadScreens.Box(p.thread(), p.parts().size(), p.previous(), p.next())).orElse(null);
        if (box == null) {
            return Notes.NONE;
        }
        return new Notes(output -> templates.render("threads/part-of.jte", box, output), output -> templates.render("threads/neighbours.jte", box, output),
                java.util.List.of());
    }
}
