package press.dispatch.articles;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;

class SectionsAndTagsOnSqliteTest extends SectionsAndTagsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }
}
