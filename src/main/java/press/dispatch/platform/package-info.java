/**
 * Platform: database dialect and data source, the data folder, page cache, jte views, clock,
 * web and security configuration. No business rules live here.
 *
 * <p>Glossary for several nodes: a <em>node</em> is one running Dispatch process; its <em>lease</em> is the time until
 * which the others take it for alive ({@code Nodes}); a <em>purge</em> drops cached pages on every node
 * ({@code PageCache}, carried by {@code PurgeListener}).
 */
package press.dispatch.platform;
