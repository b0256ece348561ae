package press.dispatch.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import press.dispatch.platform.BadSettingException;

/**
 * Limits on photo uploads.
 *
 * @param maxMegapixels the largest photo accepted, in millions of pixels, read from the file's header before decoding
 * @param queueWait     how long an upload waits for its turn to be decoded before it is refused with "busy, try again"
 */
@ConfigurationProperties("dispatch.media")
record MediaSettings(Integer maxMegapixels, Duration queueWait) {

    MediaSettings {
        if (maxMegapixels == null) {
            maxMegapixels = 50;
        }
        if (queueWait == null) {
            queueWait = Duration.ofSeconds(30);
        }
        if (maxMegapixels < 1 || maxMegapixels > 200) {
            throw new BadSettingException("DISPATCH_MEDIA_MAX_MEGAPIXELS", "is " + maxMegapixels, "set it to a number from 1 to 200");
        }
        if (queueWait.isNegative() || queueWait.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new BadSettingException("DISPATCH_MEDIA_QUEUE_WAIT", "is " + queueWait, "set it to a duration from 0s to 10m, such as 30s");
        }
    }

    long maxPixels() {
        return maxMegapixels * 1_000_000L;
    }
}
