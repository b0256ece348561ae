package press.dispatch.admin;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;

class SettingsApiOnSqliteTest extends SettingsApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }
}
