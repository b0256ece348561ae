package press.dispatch.subscriptions;

import press.dispatch.site.Shell;

/** The subscribe form, with what the reader typed and what is wrong with it (null when nothing is). */
public record SubscribePage(Shell shell, String email, String error) {
}
