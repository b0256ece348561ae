package press.dispatch.subscriptions;

import press.dispatch.site.Shell;

public record MessagePage(Shell shell, String title, String text) {
}
