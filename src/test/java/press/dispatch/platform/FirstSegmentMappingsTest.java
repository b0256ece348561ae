package press.dispatch.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

class FirstSegmentMappingsTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theApplicationUsesTheIndexedMappingAndRoutesAsBefore() {
        assertThat(mappings).isInstanceOf(FirstSegmentMappings.Mapping.class);
        assertThat(FirstSegmentMappings.Mapping.firstSegment("/articles/a-slug/comments")).isEqualTo("articles");
        assertThat(FirstSegmentMappings.Mapping.firstSegment("/")).isEmpty();
        long id = publishedArticle(unique("Routing"), section("Routing"));
        assertThat(browser.get("/articles/" + slugOf(id)).status()).isEqualTo(200);
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(browser.get("/articles/" + slugOf(id) + "/feed").status()).isEqualTo(200);
        // the reply page answers 404 for a comment that is not there
        assertThat(browser.get("/articles/" + slugOf(id) + "/reply/1").status()).isEqualTo(404);
        assertThat(browser.get("/nowhere/at/all").status()).isEqualTo(404);
    }
}
