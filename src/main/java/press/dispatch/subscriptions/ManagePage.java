package press.dispatch.subscriptions;

import java.util.List;

import gg.jte.Content;

import press.dispatch.articles.Section;
import press.dispatch.site.Shell;

public record ManagePage(Shell shell, String token, Subscriber subscriber, List<Section> sections, boolean welcome, boolean saved,
                         List<Content> panels) {

    public boolean follows(Section section) {
        return subscriber.sectionIds().contains(section.id());
    }
}
