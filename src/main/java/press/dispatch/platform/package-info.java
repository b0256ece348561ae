/**
 * Platform: database dialect and data source, the data folder, page cache, jte views, clock,
 * web and security configuration. No business rules live here.
 */
package press.dispatch.platform;
