package press.dispatch.articles;

import java.util.List;

import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/** The home page: a lead story, the latest ones, and a block per section. */
public record FrontPage(Shell shell, StoryCard lead, List<StoryCard> latest, List<SectionBlock> blocks, boolean hasOlder,
                        HeadMetadata head) {

    public record SectionBlock(Section section, List<StoryCard> stories) {
    }
}
