/**
 * Reader comments: the "Leave a Reply" form, spam checks that need no CAPTCHA, moderation, threads, and privacy.
 *
 * <p>Glossary: a comment is <em>pending</em> (held for a moderator), <em>approved</em> (public), <em>spam</em>
 * or <em>trash</em>. Each spam <em>check</em> scores a comment from 0 to 100 and gives its reason; the total
 * decides approve (below 50), hold (50 to 99) or spam (100 and more), and the reasons are kept with the comment.
 *
 * <p>Invariant: a commenter's email address appears in no public page, feed or attribute, and in email only to
 * staff; comment text is plain text, always escaped.
 */
package press.dispatch.comments;
