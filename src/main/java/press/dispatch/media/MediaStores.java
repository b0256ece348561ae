package press.dispatch.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import press.dispatch.platform.DataFolder;

/** The {@link MediaStore} the settings ask for, and its part of health: a node that cannot reach it cannot serve photos. */
@Configuration(proxyBeanMethods = false)
class MediaStores {

    private static final Logger log = LoggerFactory.getLogger(MediaStores.class);

    @Bean
    MediaStore mediaStore(MediaStoreSettings settings, DataFolder dataFolder) {
        MediaStore store = settings.s3() ? new S3MediaStore(settings) : new FolderMediaStore(dataFolder.folder("media"));
        if (settings.s3()) {
            log.info("Photos are kept in {}", store.describe());
        }
        return store;
    }

    @Bean
    HealthIndicator mediaStoreHealthIndicator(MediaStore store) {
        return () -> {
            try {
                store.check();
                return Health.up().build();
            } catch (RuntimeException e) {
                log.warn("Health is DOWN: {} cannot be reached: {}", store.describe(), String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
                return Health.down().withDetail("media", "unreachable").build();
            }
        };
    }
}
