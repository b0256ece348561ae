package press.dispatch.feeds;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;

class FeedsOnSqliteTest extends FeedsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }
}
