package press.dispatch.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

import press.dispatch.platform.BadSettingException;

/**
 * The public search page's limits.
 *
 * @param perMinute     searches one address may run in a minute (per node); signed-in staff are not counted
 * @param cachedResults pages of results a node keeps (until the index changes, a minute at most); 0 keeps none
 */
@ConfigurationProperties("dispatch.search")
record SearchSettings(Integer perMinute, Integer cachedResults) {

    SearchSettings {
        if (perMinute == null) {
            perMinute = 60;
        }
        if (cachedResults == null) {
            cachedResults = 2_000;
        }
        if (cachedResults < 0 || cachedResults > 1_000_000) {
            throw new BadSettingException("DISPATCH_SEARCH_CACHED_RESULTS", "is " + cachedResults, "set it to a number from 0 (none) to 1000000");
        }
        if (perMinute < 1 || perMinute > 1_000_000) {
            throw new BadSettingException("DISPATCH_SEARCH_PER_MINUTE", "is " + perMinute, "set it to a number from 1 to 1000000");
        }
    }
}
