package press.dispatch.articles;

import gg.jte.Content;

import press.dispatch.site.Shell;

/** An article's page; {@code discussion} is its comments section (empty when comments are off). */
public record ArticlePage(Shell shell, Story story, long comments, Content discussion) {
}
