package press.dispatch.threads;

import gg.jte.Content;
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

    private ThreadScreens.Box box(Story story) {
        return threads.place(story).map(p -> new ThreadScreens.Box(p.thread(), p.parts().size(), p.previous(), p.next())).orElse(null);
    }

    @Override
    public Content top(Story story) {
        ThreadScreens.Box box = box(story);
        return box == null ? null : output -> templates.render("threads/part-of.jte", box, output);
    }

    @Override
    public Content foot(Story story) {
        ThreadScreens.Box box = box(story);
        return box == null ? null : output -> templates.render("threads/neighbours.jte", box, output);
    }
}
