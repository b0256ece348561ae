package press.dispatch.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

import press.dispatch.platform.BadSettingException;

/**
 * The public search page's limits.
 *
 * @param perMinute searches one address may run in a minute (per node); signed-in staff are not counted
 */
@ConfigurationProperties("dispatch.search")
record SearchSettings(Integer perMinute) {

    SearchSettings {
        if (perMinute == null) {
            perMinute = 60;
        }
        if (perMinute < 1 || perMinute > 1_000_000) {
            throw new BadSettingException("DISPATCH_SEARCH_PER_MINUTE", "is " + perMinute, "set it to a number from 1 to 1000000");
        }
    }
}
