package press.dispatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DispatchApplication {

    public static void main(String[] args) {
        if (press.dispatch.importer.WordPressImportCommand.wants(args)) {
            System.exit(press.dispatch.importer.WordPressImportCommand.run(args, DispatchApplication.class, System.out, System.err));
        }
        if (press.dispatch.exporter.WordPressExportCommand.wants(args)) {
            System.exit(press.dispatch.exporter.WordPressExportCommand.run(args, DispatchApplication.class, System.out, System.err));
        }
        if (press.dispatch.media.MediaMigration.wants(args)) {
            System.exit(press.dispatch.media.MediaMigration.run(args, DispatchApplication.class, System.out, System.err));
        }
        SpringApplication.run(DispatchApplication.class, args);
    }
}
