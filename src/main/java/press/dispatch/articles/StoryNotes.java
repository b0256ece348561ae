package press.dispatch.articles;

import java.util.List;

import gg.jte.Content;

import press.dispatch.metadata.ArticleFacts;

/**
 * What another feature adds to a story's page around its text (corrections, the story thread it is part of). Every
 * bean is asked once per page, in {@code @Order}, so each feature reads what it shows once.
 */
public interface StoryNotes {

    /** This feature's notes on the story's page; {@link Notes#NONE} for nothing. */
    Notes notes(Story story);

    /**
     * @param top         shown under the byline, above the photo and body; null for nothing
     * @param foot        shown at the foot of the story, after the body and its tags; null for nothing
     * @param corrections corrections the page's structured data lists (as {@code CorrectionComment})
     */
    record Notes(Content top, Content foot, List<ArticleFacts.Correction> corrections) {
        public static final Notes NONE = new Notes(null, null, List.of());

        public Notes {
            corrections = List.copyOf(corrections);
        }
    }
}
