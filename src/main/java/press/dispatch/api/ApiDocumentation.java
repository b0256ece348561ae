package press.dispatch.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame; springdoc fills in the operations from the API controllers, and {@link #errorsAndRequiredFields()}
 * adds what annotations would only repeat: the {@link ApiError} shape on every operation's error answers, and every
 * property of an answer marked required (records always write every component; the ones that may be null say so with
 * {@code @Schema(nullable = true)}). {@code AdminApiDocumentTest} checks real answers against the served document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

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

    @Bean
    OpenApiCustomizer errorsAndRequiredFields() {
        return api -> {
            api.getComponents().addSchemas("ApiError", errorSchema()).addSchemas("ApiErrorBody", errorBodySchema());
            Set<String> answers = new HashSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses();
                responses.values().forEach(response -> collectSchemas(api, response, answers));
                addErrors(path, operation);
            }));
            answers.forEach(name -> {
                Schema<?> schema = api.getComponents().getSchemas().get(name);
                if (schema != null && schema.getProperties() != null) {
                    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                }
            });
        };
    }

    private static void addErrors(String path, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "The request is malformed: a parameter of the wrong type, or a body that is not what this operation takes (bad_request)");
        errors.put("401", "No API key, or an unknown or revoked one (unauthorized)");
        errors.put("403", "The key's role does not allow this (forbidden)");
        if (path.contains("{")) {
            errors.put("404", "Nothing at this address (not_found)");
        }
        errors.put("406", "The Accept header names no format this operation answers in (not_acceptable)");
        if (operation.getRequestBody() != null) {
            errors.put("415", "The body's Content-Type is not one this operation takes (unsupported_media_type)");
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
            errors.put("413", "The upload is larger than the server accepts (too_large)");
        }
        errors.put("500", "Our fault; nothing was changed (internal)");
        errors.forEach((status, description) -> {
            if (!operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, error(description));
            }
        });
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(errorContent());
            }
        });
        List<String> order = new ArrayList<>(operation.getResponses().keySet());
        order.sort(null);
        ApiResponses sorted = new ApiResponses();
        order.forEach(status -> sorted.addApiResponse(status, operation.getResponses().get(status)));
        operation.setResponses(sorted);
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(errorContent());
    }

    private static Content errorContent() {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA)));
    }

    private static Schema<?> errorSchema() {
        Schema<?> error = new ObjectSchema().addProperty("error", new Schema<>().$ref("#/components/schemas/ApiErrorBody"))
                .description("Every error answer of the API");
        error.setRequired(List.of("error"));
        return error;
    }

    private static Schema<?> errorBodySchema() {
        Schema<?> body = new ObjectSchema()
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status, repeated"))
                .addProperty("code", new StringSchema().description("Stable, for programs: bad_request, unauthorized, forbidden, not_found, "
                        + "method_not_allowed, not_acceptable, conflict, too_large, unsupported_media_type, invalid, internal"))
                .addProperty("message", new StringSchema().description("For people"))
                .addProperty("fields", new ObjectSchema().additionalProperties(new StringSchema())
                        .description("What was wrong with each field; empty when the error is not about fields"));
        body.setRequired(List.of("status", "code", "message", "fields"));
        return body;
    }

    /** The schemas an answer uses, followed through properties and array items. */
    private static void collectSchemas(OpenAPI api, ApiResponse response, Set<String> names) {
        if (response.getContent() != null) {
            response.getContent().values().forEach(media -> collect(api, media.getSchema(), names));
        }
    }

    private static void collect(OpenAPI api, Schema<?> schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(api, api.getComponents().getSchemas().get(name), names);
            }
            return;
        }
        collect(api, schema.getItems(), names);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(api, property, names));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(api, values, names);
        }
    }
}
