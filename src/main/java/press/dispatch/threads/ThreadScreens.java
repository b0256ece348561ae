package press.dispatch.threads;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.articles.Story;
import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/** What the thread pages and screens show. */
public final class ThreadScreens {

    private ThreadScreens() {
    }

    /** The box on an article in a thread. {@code updates}: how many published parts it has. */
    public record Box(StoryThread thread, int updates, Story previous, Story next) {
    }

    /** The timeline: the summary on top, then every published part, oldest first. */
    public record TimelinePage(Shell shell, StoryThread thread, List<Story> parts, HeadMetadata head) {
    }

    /** A page with a heading and a sentence (check your inbox, confirmed, unfollowed, a button to press). */
    public record MessagePage(Shell shell, String heading, String text, String action, String token, String button) {
    }

    /** On a subscriber's manage page: the threads they follow, and the others they could follow with one click. */
    public record ManagePanel(String token, List<StoryThread> followed, List<StoryThread> others) {
    }

    public record Line(StoryThread thread, int parts, long followers) {
    }

    public record ListPage(AdminShell shell, List<Line> lines, Map<String, String> problems, String title, String slug, String summary) {

        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** One thread in the newsroom; {@code articles} are every part, public or not, as headline by id. */
    public record EditPage(AdminShell shell, StoryThread thread, Map<Long, String> articles, long followers, Map<String, String> problems) {

        public String problem(String field) {
            return problems.get(field);
        }
    }
}
