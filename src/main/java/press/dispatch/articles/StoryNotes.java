package press.dispatch.articles;

import java.util.List;

import gg.jte.Content;

import press.dispatch.metadata.ArticleFacts;

/**
 * What another feature adds to a story's page around its text (corrections, the story thread it is part of). Every
 * bean is asked, in {@code @Order}; each answer may be null for nothing.
 */
public interface StoryNotes {

    /** Shown under the byline, above the photo and body. */
    default Content top(Story story) {
        return null;
    }

    /** Shown at the foot of the story, after the body and its tags. */
    default Content foot(Story story) {
        return null;
    }

    /** Corrections the page's structured data lists (as {@code CorrectionComment}). */
    default List<ArticleFacts.Correction> corrections(Story story) {
        return List.of();
    }
}
