package press.dispatch.articles;

import java.util.Collection;
import java.util.Map;

import gg.jte.Content;

/** The comments under an article and their counts; the comments feature implements it. */
public interface Discussion {

    /** The comments section of a story's page; {@code replyTo} is the comment being answered, if any. */
    Section section(Story story, Long replyTo);

    /** Approved comments per article, for the given articles (missing: none). */
    Map<Long, Long> counts(Collection<Long> articleIds);

    /** A rendered comments section and the number of approved comments in it. */
    record Section(long count, Content content) {
    }
}
