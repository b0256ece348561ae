package press.dispatch.subscriptions;

import gg.jte.Content;

/**
 * What another feature adds to a confirmed subscriber's manage page (the story threads they follow). The page is
 * reached by the subscriber's token link, which stands in for a sign-in: a form in a panel posts that token, and its
 * handler checks it with {@link Subscriptions#findByLink}. Every bean is asked; an answer may be null for nothing.
 */
public interface ManagePanels {

    Content panel(Subscriber subscriber, String token);
}
