package press.dispatch.articles;

import press.dispatch.site.Shell;

public record ArticlePage(Shell shell, Story story) {
}
