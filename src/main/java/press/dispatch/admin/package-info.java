/**
 * The admin shell under {@code /admin}: layout and navigation by permission, the dashboard, and the screens for
 * staff, API keys, one's own account and site settings. Features put their own screens inside it and add
 * {@link press.dispatch.admin.DashboardPanel panels} to the dashboard.
 */
package press.dispatch.admin;
