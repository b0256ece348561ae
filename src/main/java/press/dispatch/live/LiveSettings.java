package press.dispatch.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

import press.dispatch.platform.BadSettingException;

/**
 * Where readers' live streams are served.
 *
 * @param streamPort     a port of its own for {@code /live/*} streams (the reverse proxy routes {@code /live/} there);
 *                       0 or unset: the streams are served on the site's port by the servlet container, as any page
 * @param streamAddress  the address the stream port listens on; unset: every interface
 * @param maxReaders     open connections the stream port holds at most; more are refused until some close
 * @param maxPerAddress  open streams one reader's address may hold on the stream port (behind a proxy on a private or
 *                       loopback address, the address the proxy put last in {@code X-Forwarded-For})
 */
@ConfigurationProperties("dispatch.live")
record LiveSettings(Integer streamPort, String streamAddress, Integer maxReaders, Integer maxPerAddress) {

    LiveSettings {
        if (streamPort == null) {
            streamPort = 0;
        }
        if (streamAddress != null && streamAddress.isBlank()) {
            streamAddress = null;
        }
        if (maxReaders == null) {
            maxReaders = 20_000;
        }
        if (maxPerAddress == null) {
            maxPerAddress = 50;
        }
        if (streamPort < 0 || streamPort > 65_535) {
            throw new BadSettingException("DISPATCH_LIVE_STREAM_PORT", "is " + streamPort,
                    "set it to 0 (streams on the site's own port) or a free port number up to 65535");
        }
        if (maxReaders < 1 || maxReaders > 1_000_000) {
            throw new BadSettingException("DISPATCH_LIVE_MAX_READERS", "is " + maxReaders, "set it to a number from 1 to 1000000");
        }
        if (maxPerAddress < 1 || maxPerAddress > maxReaders) {
            throw new BadSettingException("DISPATCH_LIVE_MAX_PER_ADDRESS", "is " + maxPerAddress,
                    "set it to a number from 1 to DISPATCH_LIVE_MAX_READERS (" + maxReaders + ")");
        }
    }

    boolean ownPort() {
        return streamPort > 0;
    }
}
