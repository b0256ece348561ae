/**
 * Story threads: articles an editor groups under a title and summary ("Gaza and Lebanon ceasefire talks"), read as
 * one timeline at {@code /stories/{slug}}, with its own feed, and followed by email.
 *
 * <p>Glossary: a <em>thread</em> (never "story", which in {@code articles} means a public article) has
 * <em>parts</em>, its articles, in publication order; an <em>update</em> is a published part. A <em>follower</em> is an
 * email address that asked for each new part of one thread and confirmed by a link (double opt-in); following is
 * separate from the newsletter subscription, so a follower gets the thread's parts even if they get no other post.
 * A part is <em>announced</em> to followers once, when it is published into the thread.
 */
package press.dispatch.threads;
