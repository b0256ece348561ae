package press.dispatch.subscriptions;

import press.dispatch.site.Shell;

public record TokenPage(Shell shell, String token) {
}
