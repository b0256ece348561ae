package press.dispatch.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's frame; springdoc fills in the operations from the API controllers. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI dispatchApi() {
        return new OpenAPI()
                .info(new Info().title("Dispatch Admin API").version("v1")
                        .description("Articles, media, subscribers and comments for scripts and integrations. Every request carries an API key "
                                + "('Authorization: Bearer dsp_…') made in the admin under API keys; the key acts with its role. Errors always "
                                + "have the shape {\"error\": {\"status\", \"code\", \"message\", \"fields\"}}. See docs/api.md."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key from /admin/api-keys")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
