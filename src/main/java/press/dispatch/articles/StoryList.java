package press.dispatch.articles;

import java.util.List;

/** One page of a listing. Pages count from 1; {@code pages} is at least 1. */
public record StoryList(List<StoryCard> stories, int page, int pages) {

    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return page < pages;
    }
}
