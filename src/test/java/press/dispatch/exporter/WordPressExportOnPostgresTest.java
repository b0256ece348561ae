package press.dispatch.exporter;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;

class WordPressExportOnPostgresTest extends WordPressExportContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    @Override
    List<String> freshDatabase() {
        return List.of("--dispatch.database.url=" + Databases.newPostgresDatabase(), "--dispatch.database.user=postgres",
                "--dispatch.database.password=postgres");
    }
}
