package press.dispatch.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.comments.CommentForm;
import press.dispatch.comments.Moderation;
import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at {@code /api/openapi.json} is what generated clients are built from, so every real answer
 * of every operation it declares (status, headers, body) is checked against it with swagger-request-validator, the way a
 * generated client would call: with the {@code Accept} and {@code Content-Type} the document names.
 */
class AdminApiDocumentTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    ApiKeys keys;

    @Autowired
    Moderation moderation;

    @Autowired
    Stories stories;

    @Autowired
    Subscriptions subscriptions;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private String document;
    private OpenAPI api;
    private OpenApiInteractionValidator validator;
    private final Set<String> exercised = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void readTheServedDocument() throws Exception {
        HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        document = served.body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(parsed.getMessages()).as("the parser's complaints about the document").isEmpty();
        api = parsed.getOpenAPI();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    @Test
    void theServedDocumentIsValidOpenApi3ThatClientGeneratorsRead() {
        assertThat(api.getOpenapi()).as("OpenAPI 3.0, which generators and validators read fully").startsWith("3.0.");
        Set<String> ids = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            assertThat(operation.getOperationId()).as(name + " has an operation id a generated client can use as a method name")
                    .matches("[a-z][A-Za-z]+");
            assertThat(ids.add(operation.getOperationId())).as(name + "'s operation id is unique").isTrue();
            assertThat(operation.getResponses().keySet()).as(name + " documents its errors").anyMatch(status -> status.startsWith("4"));
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> p.getName().equals("page") || p.getName().equals("id"))
                        .forEach(p -> assertThat(p.getSchema().getType()).as(name + " " + p.getName() + " is a number").isEqualTo("integer"));
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(schemaOf(response)).as(name + " " + status + " is the error shape").isEqualTo("#/components/schemas/ApiError");
                }
            });
        }));
        assertThat(ids).as("one per operation").hasSize((int) api.getPaths().values().stream().mapToLong(i -> i.readOperations().size()).sum());

        Operation create = api.getPaths().get("/api/v1/articles").getPost();
        assertThat(create.getResponses()).containsKey("201").doesNotContainKey("200");
        assertThat(create.getResponses().get("201").getHeaders()).containsKey("Location");
        Operation upload = api.getPaths().get("/api/v1/media").getPost();
        assertThat(upload.getResponses()).containsKey("201").doesNotContainKey("200");
        assertThat(upload.getParameters()).as("photo fields are form fields, not query parameters").isNullOrEmpty();
        Schema<?> form = resolved(upload.getRequestBody().getContent().get("multipart/form-data").getSchema());
        assertThat(form.getProperties()).containsOnlyKeys("file", "caption", "photographer", "agency", "licence", "alt");
        assertThat(form.getRequired()).containsExactly("file");
        var export = api.getPaths().get("/api/v1/subscribers/export.csv").getGet().getResponses().get("200").getContent();
        assertThat(export).containsOnlyKeys("text/csv");
        assertThat(export.get("text/csv").getSchema().getFormat()).as("a file to save, not JSON to parse").isEqualTo("binary");

        Map<String, Schema> schemas = api.getComponents().getSchemas();
        assertThat(schemas.get("MediaJson").getRequired()).contains("id", "url", "credit");
        assertThat(schemas.get("Credit").getProperties()).containsOnlyKeys("photographer", "organisation", "licence");
        assertThat(schemas.get("ArticleJson").getRequired()).contains("id", "headline", "url", "publishedAt", "version");
        assertThat(((Schema<?>) schemas.get("ArticleJson").getProperties().get("url")).getNullable()).isTrue();
        assertThat(((Schema<?>) schemas.get("ArticleJson").getProperties().get("headline")).getNullable()).isNotEqualTo(Boolean.TRUE);
        assertThat(schemas.get("ArticleInput").getRequired()).containsExactlyInAnyOrder("headline", "body");
        assertThat(schemas.get("ApiError").getRequired()).containsExactly("error");
        assertThat(schemas.get("ApiErrorBody").getRequired()).containsExactlyInAnyOrder("status", "code", "message", "fields");
    }

    @Test
    void everyOperationAnswersWhatTheServedDocumentDeclares() throws Exception {
        String editor = keys.create(ownerStaff(), "document editor", Role.EDITOR);
        String author = keys.create(ownerStaff(), "document author", Role.AUTHOR);
        String contributor = keys.create(ownerStaff(), "document contributor", Role.CONTRIBUTOR);

        Answer created = call(editor, "POST", "/api/v1/articles", "", "application/json", """
                {"headline": "Cranes arrive", "standfirst": "Four cranes.", "body": "First.", "tags": ["Ports"], "commentsOpen": true}""");
        assertThat(created.status()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        call(editor, "POST", "/api/v1/articles", "", "application/json", "{\"headline\": \"\", \"body\": \"\"}").expect(422);
        call(editor, "POST", "/api/v1/articles", "", "application/json", "{not json").malformed().expect(400);
        call(editor, "POST", "/api/v1/articles", "", "text/plain", "headline").malformed().expect(415);
        call(null, "POST", "/api/v1/articles", "", "application/json", "{\"headline\": \"No key\", \"body\": \"x\"}").malformed().expect(401);

        // q is the site's full-text search over every status: another form of a headline word and a standfirst word.
        assertThat(json.readTree(call(editor, "GET", "/api/v1/articles", "?status=draft&q=crane+four&page=1", null, null).expect(200).body())
                .findValues("id").stream().map(n -> n.asLong()).toList()).contains(id);
        call(editor, "GET", "/api/v1/articles", "?page=first", null, null).malformed().expect(400);
        call(editor, "GET", "/api/v1/articles/{id}", "", null, null, id).expect(200);
        call(editor, "GET", "/api/v1/articles/{id}", "", null, null, 987_654).expect(404);
        call(editor, "GET", "/api/v1/articles/{id}", "", null, null, id).accept("text/html").malformed().expect(406);

        int version = json.readTree(call(editor, "GET", "/api/v1/articles/{id}", "", null, null, id).body()).get("version").asInt();
        call(editor, "PUT", "/api/v1/articles/{id}", "", "application/json",
                "{\"headline\": \"Cranes arrive by sea\", \"body\": \"Second.\", \"version\": " + version + "}", id).expect(200);
        call(editor, "PUT", "/api/v1/articles/{id}", "", "application/json",
                "{\"headline\": \"Stale\", \"body\": \"Third.\", \"version\": " + version + "}", id).expect(409);
        call(editor, "PUT", "/api/v1/articles/{id}", "", "application/json", "{\"headline\": \"No version\", \"body\": \"x\"}", id).expect(422);

        call(editor, "POST", "/api/v1/articles/{id}/schedule", "", "application/json", "{\"publishAt\": \"2099-12-01T09:30:00Z\"}", id).expect(200);
        call(editor, "POST", "/api/v1/articles/{id}/schedule", "", "application/json", "{}", id).malformed().expect(422);
        call(editor, "POST", "/api/v1/articles/{id}/publish", "", null, null, id).expect(200);
        call(editor, "POST", "/api/v1/articles/{id}/unpublish", "", null, null, id).expect(200);
        long stringers = json.readTree(call(contributor, "POST", "/api/v1/articles", "", "application/json",
                "{\"headline\": \"From the field\", \"body\": \"Notes.\"}").expect(201).body()).get("id").asLong();
        call(contributor, "POST", "/api/v1/articles/{id}/publish", "", null, null, stringers).expect(403);

        String boundary = "dispatch-document-test";
        Answer photo = call(author, "POST", "/api/v1/media", "", "multipart/form-data; boundary=" + boundary, multipart(boundary, png())).expect(201);
        long photoId = json.readTree(photo.body()).get("id").asLong();
        call(author, "POST", "/api/v1/media", "", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "not an image".getBytes(StandardCharsets.UTF_8))).expect(422);
        call(contributor, "POST", "/api/v1/media", "", "multipart/form-data; boundary=" + boundary, multipart(boundary, png())).expect(403);
        call(author, "POST", "/api/v1/media", "", "multipart/form-data", "garbage").malformed().expect(400);
        call(author, "GET", "/api/v1/media/{id}", "", null, null, photoId).expect(200);
        call(author, "GET", "/api/v1/media/{id}", "", null, null, 987_654).expect(404);
        call(author, "GET", "/api/v1/media", "?q=&missing=credit&unused=true&page=1", null, null).expect(200);
        call(author, "PUT", "/api/v1/media/{id}", "", "application/json",
                "{\"caption\": \"Dawn patrol\", \"altText\": \"Two frigates\", \"credit\": {\"photographer\": \"Ana Ruiz\", "
                        + "\"organisation\": \"Navy\", \"licence\": \"\"}, \"focalX\": 30, \"focalY\": 60}", photoId).expect(200);
        call(author, "PUT", "/api/v1/media/{id}", "", "application/json", "{\"caption\": \"x\", \"focalX\": 130}", photoId).malformed().expect(422);
        call(author, "DELETE", "/api/v1/media/{id}", "", null, null, photoId).expect(403);
        call(editor, "DELETE", "/api/v1/media/{id}", "", null, null, photoId).expect(204);
        call(editor, "DELETE", "/api/v1/media/{id}", "", null, null, photoId).expect(404);

        String reader = "reader-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        subscriptions.subscribe(reader, "198.51.100.9");
        subscriptions.confirm(lastLink(reader, "/subscribe/confirm?token="));
        call(editor, "GET", "/api/v1/subscribers", "?status=confirmed&page=1", null, null).expect(200);
        call(author, "GET", "/api/v1/subscribers", "", null, null).expect(403);
        assertThat(call(editor, "GET", "/api/v1/subscribers/export.csv", "", null, null).expect(200).body()).contains(reader);
        call(author, "GET", "/api/v1/subscribers/export.csv", "", null, null).expect(403);

        long articleId = publishedArticle(unique("Discussed"), null);
        Story story = stories.findById(articleId).orElseThrow();
        String token = moderation.formToken(articleId);
        clock.advance(Duration.ofSeconds(20));
        long comment = moderation.submit(story, new CommentForm("A held comment.", "Quiet Reader", "quiet@example.org", "", false, false, null,
                token, ""), "198.51.100.7").commentId();
        call(editor, "GET", "/api/v1/comments", "?status=pending&page=1", null, null).expect(200);
        call(editor, "POST", "/api/v1/comments/{id}/{action}", "", null, null, comment, "approve").expect(200);
        call(editor, "POST", "/api/v1/comments/{id}/{action}", "", null, null, 987_654, "spam").expect(404);
        call(editor, "POST", "/api/v1/comments/{id}/{action}", "", null, null, comment, "frobnicate").malformed().expect(422);
        call(author, "GET", "/api/v1/comments", "", null, null).expect(403);

        call(author, "GET", "/api/v1/sections", "", null, null).expect(200);
        long harbours = json.readTree(call(editor, "POST", "/api/v1/sections", "", "application/json",
                "{\"name\": \"Harbours\", \"description\": \"Ports and ships.\"}").expect(201).body()).get("id").asLong();
        call(editor, "POST", "/api/v1/sections", "", "application/json", "{\"name\": \"\"}").expect(422);
        call(author, "POST", "/api/v1/sections", "", "application/json", "{\"name\": \"Not mine\"}").expect(403);
        call(editor, "PUT", "/api/v1/sections/{id}", "", "application/json", "{\"name\": \"Harbours and docks\"}", harbours).expect(200);
        call(editor, "PUT", "/api/v1/sections/{id}", "", "application/json", "{\"name\": \"Nowhere\"}", 987_654).expect(404);
        List<Long> order = new ArrayList<>();
        json.readTree(call(editor, "GET", "/api/v1/sections", "", null, null).expect(200).body()).forEach(s -> order.add(0, s.get("id").asLong()));
        call(editor, "PUT", "/api/v1/sections/order", "", "application/json", json.writeValueAsString(Map.of("sectionIds", order))).expect(200);
        call(editor, "PUT", "/api/v1/sections/order", "", "application/json", "{\"sectionIds\": [987654]}").expect(422);
        call(editor, "DELETE", "/api/v1/sections/{id}", "", null, null, harbours).expect(204);
        call(editor, "DELETE", "/api/v1/sections/{id}", "", null, null, 987_654).expect(404);
        var tagList = json.readTree(call(editor, "GET", "/api/v1/tags", "", null, null).expect(200).body());
        long ports = tagList.get(0).get("id").asLong();
        call(editor, "PUT", "/api/v1/tags/{id}", "", "application/json", "{\"name\": \"Sea ports\"}", ports).expect(200);
        call(editor, "PUT", "/api/v1/tags/{id}", "", "application/json", "{\"name\": \"\"}", ports).expect(422);
        call(editor, "POST", "/api/v1/articles", "", "application/json",
                "{\"headline\": \"Docks\", \"body\": \"x\", \"tags\": [\"Docks\"]}").expect(201);
        long docks = -1;
        for (var tag : json.readTree(call(editor, "GET", "/api/v1/tags", "", null, null).expect(200).body())) {
            if (tag.get("name").asString().equals("Docks")) {
                docks = tag.get("id").asLong();
            }
        }
        call(editor, "POST", "/api/v1/tags/{id}/merge", "", "application/json", "{}", docks).expect(422);
        call(editor, "POST", "/api/v1/tags/{id}/merge", "", "application/json", "{\"into\": " + ports + "}", docks).expect(200);
        call(editor, "DELETE", "/api/v1/tags/{id}", "", null, null, ports).expect(204);
        call(editor, "DELETE", "/api/v1/tags/{id}", "", null, null, 987_654).expect(404);

        long about = json.readTree(call(editor, "POST", "/api/v1/pages", "", "application/json",
                "{\"title\": \"About us\", \"slug\": \"about-us\", \"body\": \"Who we are.\"}").expect(201).body()).get("id").asLong();
        call(editor, "POST", "/api/v1/pages", "", "application/json", "{\"title\": \"Admin\", \"slug\": \"admin\", \"body\": \"x\"}").expect(422);
        call(author, "POST", "/api/v1/pages", "", "application/json", "{\"title\": \"Mine\", \"body\": \"x\"}").expect(403);
        call(editor, "GET", "/api/v1/pages", "", null, null).expect(200);
        int pageVersion = json.readTree(call(editor, "GET", "/api/v1/pages/{id}", "", null, null, about).expect(200).body()).get("version").asInt();
        call(editor, "GET", "/api/v1/pages/{id}", "", null, null, 987_654).expect(404);
        call(editor, "PUT", "/api/v1/pages/{id}", "", "application/json",
                "{\"title\": \"About us\", \"slug\": \"about-us\", \"body\": \"Who we are, again.\", \"version\": " + pageVersion + "}", about).expect(200);
        call(editor, "PUT", "/api/v1/pages/{id}", "", "application/json",
                "{\"title\": \"Stale\", \"body\": \"x\", \"version\": " + pageVersion + "}", about).expect(409);
        call(editor, "POST", "/api/v1/pages/{id}/publish", "", null, null, about).expect(200);
        call(editor, "POST", "/api/v1/pages/{id}/unpublish", "", null, null, about).expect(200);
        call(editor, "DELETE", "/api/v1/pages/{id}", "", null, null, about).expect(204);
        call(editor, "POST", "/api/v1/pages/{id}/publish", "", null, null, about).expect(404);
        call(editor, "GET", "/api/v1/menus/{menu}", "", null, null, "header").expect(200);
        call(editor, "GET", "/api/v1/menus/{menu}", "", null, null, "sidebar").expect(404);
        call(editor, "PUT", "/api/v1/menus/{menu}", "", "application/json",
                "{\"items\": [{\"type\": \"url\", \"url\": \"https://example.org/about\", \"label\": \"Elsewhere\"}]}", "footer").expect(200);
        call(editor, "PUT", "/api/v1/menus/{menu}", "", "application/json", "{\"items\": [{\"type\": \"url\", \"url\": \"javascript:alert(1)\"}]}",
                "footer").expect(422);
        call(editor, "PUT", "/api/v1/menus/{menu}", "", "application/json", "{\"items\": []}", "sidebar").expect(404);
        call(editor, "PUT", "/api/v1/menus/{menu}", "", "application/json", "{\"items\": []}", "footer").expect(200);

        long firstPhoto = photo("Gallery one").id();
        long secondPhoto = photo("Gallery two").id();
        long gallery = json.readTree(call(editor, "POST", "/api/v1/galleries", "", "application/json",
                "{\"title\": \"Fleet review\", \"description\": \"Ships in line.\"}").expect(201).body()).get("id").asLong();
        call(editor, "POST", "/api/v1/galleries", "", "application/json", "{\"title\": \"\"}").expect(422);
        call(author, "POST", "/api/v1/galleries", "", "application/json", "{\"title\": \"Mine\"}").expect(403);
        call(editor, "GET", "/api/v1/galleries", "", null, null).expect(200);
        call(editor, "PUT", "/api/v1/galleries/{id}", "", "application/json", "{\"title\": \"Fleet review 2026\", \"slug\": \"fleet-review\"}", gallery)
                .expect(200);
        call(editor, "PUT", "/api/v1/galleries/{id}", "", "application/json", "{\"title\": \"x\", \"slug\": \"Not A Slug\"}", gallery).expect(422);
        call(editor, "POST", "/api/v1/galleries/{id}/photos", "", "application/json",
                "{\"mediaIds\": [" + firstPhoto + ", " + secondPhoto + "]}", gallery).expect(200);
        assertThat(json.readTree(call(editor, "POST", "/api/v1/galleries/{id}/photos", "", "application/json", "{\"mediaIds\": [987654]}", gallery)
                .expect(422).body()).at("/error/fields").propertyNames()).as("named as the request names it").containsExactly("mediaIds");
        var galleryPhotos = json.readTree(call(editor, "GET", "/api/v1/galleries/{id}", "", null, null, gallery).expect(200).body()).get("photos");
        long firstInGallery = galleryPhotos.get(0).get("id").asLong();
        long secondInGallery = galleryPhotos.get(1).get("id").asLong();
        call(editor, "GET", "/api/v1/galleries/{id}", "", null, null, 987_654).expect(404);
        call(editor, "PUT", "/api/v1/galleries/{id}/order", "", "application/json",
                "{\"photoIds\": [" + secondInGallery + ", " + firstInGallery + "]}", gallery).expect(200);
        assertThat(json.readTree(call(editor, "PUT", "/api/v1/galleries/{id}/order", "", "application/json", "{\"photoIds\": [" + firstInGallery + "]}", gallery)
                .expect(422).body()).at("/error/fields").propertyNames()).containsExactly("photoIds");
        call(editor, "PUT", "/api/v1/galleries/{id}/photos/{photoId}", "", "application/json",
                "{\"caption\": \"Leading ship\", \"photographer\": \"Lee Park\"}", gallery, secondInGallery).expect(200);
        call(editor, "PUT", "/api/v1/galleries/{id}/photos/{photoId}", "", "application/json", "{\"caption\": \"x\"}", gallery, 987_654).expect(404);
        call(editor, "PUT", "/api/v1/galleries/{id}/photos/{photoId}", "", "application/json", "{\"caption\": \"" + "x".repeat(5000) + "\"}", gallery,
                secondInGallery).expect(422);
        call(editor, "POST", "/api/v1/galleries/{id}/publish", "", null, null, gallery).expect(200);
        call(editor, "POST", "/api/v1/galleries/{id}/unpublish", "", null, null, gallery).expect(200);
        call(editor, "DELETE", "/api/v1/galleries/{id}/photos/{photoId}", "", null, null, gallery, firstInGallery).expect(200);
        call(editor, "DELETE", "/api/v1/galleries/{id}/photos/{photoId}", "", null, null, gallery, firstInGallery).expect(404);
        call(editor, "DELETE", "/api/v1/galleries/{id}", "", null, null, gallery).expect(204);
        call(editor, "POST", "/api/v1/galleries/{id}/publish", "", null, null, gallery).expect(404);

        long record = json.readTree(call(editor, "POST", "/api/v1/articles/{id}/corrections", "", "application/json",
                "{\"kind\": \"correction\", \"text\": \"The toll is 14, not 40.\"}", id).expect(200).body()).get("id").asLong();
        call(editor, "POST", "/api/v1/articles/{id}/corrections", "", "application/json", "{\"kind\": \"retraction\", \"text\": \"\"}", id).expect(422);
        call(author, "POST", "/api/v1/articles/{id}/corrections", "", "application/json", "{\"kind\": \"update\", \"text\": \"x\"}", id).expect(403);
        call(editor, "GET", "/api/v1/articles/{id}/corrections", "", null, null, id).expect(200);
        call(editor, "GET", "/api/v1/articles/{id}/corrections", "", null, null, 987_654).expect(404);
        call(editor, "PUT", "/api/v1/articles/{id}/corrections/{number}", "", "application/json",
                "{\"kind\": \"correction\", \"text\": \"The toll is 14.\"}", id, record).expect(200);
        call(editor, "PUT", "/api/v1/articles/{id}/corrections/{number}", "", "application/json",
                "{\"kind\": \"correction\", \"text\": \"x\"}", id, 987_654).expect(404);

        long thread = json.readTree(call(editor, "POST", "/api/v1/threads", "", "application/json",
                "{\"title\": \"Ceasefire talks (document)\", \"summary\": \"What we know.\"}").expect(201).body()).get("id").asLong();
        call(editor, "POST", "/api/v1/threads", "", "application/json", "{\"title\": \"\"}").expect(422);
        call(author, "POST", "/api/v1/threads", "", "application/json", "{\"title\": \"Mine\"}").expect(403);
        call(editor, "GET", "/api/v1/threads", "", null, null).expect(200);
        call(editor, "GET", "/api/v1/threads/{id}", "", null, null, thread).expect(200);
        call(editor, "GET", "/api/v1/threads/{id}", "", null, null, 987_654).expect(404);
        call(editor, "PUT", "/api/v1/threads/{id}", "", "application/json",
                "{\"title\": \"Ceasefire talks (renamed)\", \"slug\": \"ceasefire-document\", \"summary\": \"More.\"}", thread).expect(200);
        call(editor, "PUT", "/api/v1/threads/{id}", "", "application/json", "{\"title\": \"x\"}", 987_654).expect(404);
        call(editor, "POST", "/api/v1/threads/{id}/articles", "", "application/json", "{\"articleId\": " + id + "}", thread).expect(200);
        call(editor, "POST", "/api/v1/threads/{id}/articles", "", "application/json", "{\"articleId\": 987654}", thread).expect(404);
        call(editor, "PUT", "/api/v1/threads/{id}/articles", "", "application/json", "{\"articleIds\": [" + id + "]}", thread).expect(200);
        call(editor, "PUT", "/api/v1/threads/{id}/articles", "", "application/json", "{\"articleIds\": []}", thread).expect(422);
        call(editor, "PUT", "/api/v1/threads/{id}/articles", "", "application/json", "{\"articleIds\": []}", 987_654).expect(404);
        call(editor, "DELETE", "/api/v1/threads/{id}/articles/{articleId}", "", null, null, thread, id).expect(200);
        call(editor, "DELETE", "/api/v1/threads/{id}/articles/{articleId}", "", null, null, thread, id).expect(404);
        call(editor, "DELETE", "/api/v1/threads/{id}", "", null, null, thread).expect(204);
        call(editor, "DELETE", "/api/v1/threads/{id}", "", null, null, thread).expect(404);

        long held = json.readTree(call(editor, "POST", "/api/v1/articles", "", "application/json",
                "{\"headline\": \"Held for release\", \"body\": \"Named sources.\"}").expect(201).body()).get("id").asLong();
        call(editor, "PUT", "/api/v1/articles/{id}/release", "", "application/json",
                "{\"embargoUntil\": \"2099-01-01T00:00:00Z\", \"sensitive\": true}", held).expect(200);
        call(editor, "PUT", "/api/v1/articles/{id}/release", "", "application/json", "{\"sensitive\": true}", 987_654).expect(404);
        call(editor, "POST", "/api/v1/articles/{id}/publish", "", null, null, held).expect(422);
        call(editor, "POST", "/api/v1/articles/{id}/release/request", "", "application/json", "{}", held).expect(422);
        String secondEditor = staffMember(Role.EDITOR);
        var second = accounts.list().stream().filter(a -> a.email().equals(secondEditor)).findFirst()
                .map(a -> new press.dispatch.accounts.Staff(a.id(), a.email(), a.displayName(), a.role(), 0, null)).orElseThrow();
        String approver = keys.create(second, "document second editor", Role.EDITOR);
        long lift = json.readTree(call(editor, "PUT", "/api/v1/articles/{id}/release", "", "application/json",
                "{\"embargoUntil\": null, \"reason\": \"The ministry spoke.\"}", held).expect(202).body()).get("embargoHistory").get(1).get("id").asLong();
        call(editor, "PUT", "/api/v1/articles/{id}/release", "", "application/json", "{\"embargoUntil\": null}", held).expect(422);
        call(editor, "POST", "/api/v1/embargo-changes/{id}/approve", "", null, null, lift).expect(422);
        call(editor, "POST", "/api/v1/embargo-changes/{id}/approve", "", null, null, 987_654).expect(404);
        call(editor, "POST", "/api/v1/embargo-changes/{id}/return", "", "application/json", "{\"note\": \"\"}", lift).expect(422);
        call(editor, "POST", "/api/v1/embargo-changes/{id}/return", "", "application/json", "{\"note\": \"x\"}", 987_654).expect(404);
        call(approver, "POST", "/api/v1/embargo-changes/{id}/approve", "", null, null, lift).expect(200);
        call(approver, "POST", "/api/v1/embargo-changes/{id}/return", "", "application/json", "{\"note\": \"Too late.\"}", lift).expect(422);
        call(editor, "POST", "/api/v1/articles/{id}/release/request", "", "application/json", "{}", held).expect(200);
        call(author, "POST", "/api/v1/articles/{id}/release/request", "", "application/json", "{}", held).expect(403);
        call(editor, "GET", "/api/v1/articles/{id}/release", "", null, null, held).expect(200);
        call(editor, "GET", "/api/v1/articles/{id}/release", "", null, null, 987_654).expect(404);
        long asked = json.readTree(call(editor, "GET", "/api/v1/releases", "", null, null).expect(200).body()).get(0).get("id").asLong();
        call(editor, "POST", "/api/v1/releases/{id}/approve", "", null, null, asked).expect(422);
        call(editor, "POST", "/api/v1/releases/{id}/approve", "", null, null, 987_654).expect(404);
        call(editor, "POST", "/api/v1/releases/{id}/return", "", "application/json", "{\"note\": \"\"}", asked).expect(422);
        call(editor, "POST", "/api/v1/releases/{id}/return", "", "application/json", "{\"note\": \"x\"}", 987_654).expect(404);
        call(approver, "POST", "/api/v1/releases/{id}/approve", "", null, null, asked).expect(200);
        call(approver, "POST", "/api/v1/releases/{id}/return", "", "application/json", "{\"note\": \"Too late.\"}", asked).expect(422);

        String admin = keys.create(ownerStaff(), "document admin", Role.ADMIN);
        call(admin, "POST", "/api/v1/privacy/export", "", "application/json", "{\"email\": \"quiet@example.org\"}").expect(200);
        call(admin, "POST", "/api/v1/privacy/export", "", "application/json", "{\"email\": \"not an address\"}").expect(422);
        call(editor, "POST", "/api/v1/privacy/export", "", "application/json", "{\"email\": \"quiet@example.org\"}").expect(403);
        call(admin, "POST", "/api/v1/privacy/erase", "", "application/json", "{\"email\": \"quiet@example.org\"}").expect(200);
        call(admin, "POST", "/api/v1/privacy/erase", "", "application/json", "{\"email\": \"\"}").expect(422);
        call(admin, "POST", "/api/v1/privacy/erase", "", "application/json", "{\"email\": \"" + ownerStaff().email() + "\"}").expect(409);
        call(admin, "GET", "/api/v1/settings", "", null, null).expect(200);
        call(editor, "GET", "/api/v1/settings", "", null, null).expect(403);
        call(admin, "PATCH", "/api/v1/settings", "", "application/json", "{\"site.tagline\": \"News from the harbour\"}").expect(200);
        call(admin, "PATCH", "/api/v1/settings", "", "application/json", "{\"site.accent_color\": \"#ffee88\"}").expect(422);
        call(admin, "GET", "/api/v1/site-icon", "", null, null).expect(200);
        String iconBoundary = "dispatch-document-icon";
        call(admin, "PUT", "/api/v1/site-icon", "", "multipart/form-data; boundary=" + iconBoundary, iconForm(iconBoundary, 512, 512)).expect(200);
        call(admin, "PUT", "/api/v1/site-icon", "", "multipart/form-data; boundary=" + iconBoundary, iconForm(iconBoundary, 600, 400)).expect(422);
        call(admin, "DELETE", "/api/v1/site-icon", "", null, null).expect(204);

        long liveId = publishedArticle(unique("Live talks"), null);
        call(editor, "POST", "/api/v1/articles/{id}/live/start", "", null, null, liveId).expect(200);
        call(editor, "POST", "/api/v1/articles/{id}/live/start", "", null, null, 987_654).expect(404);
        long entry = json.readTree(call(editor, "POST", "/api/v1/articles/{id}/live/entries", "", "application/json",
                "{\"text\": \"Talks resume.\", \"pinned\": true}", liveId).expect(201).body()).get("id").asLong();
        call(editor, "POST", "/api/v1/articles/{id}/live/entries", "", "application/json", "{\"embedUrl\": \"javascript:alert(1)\"}", liveId).expect(422);
        call(author, "POST", "/api/v1/articles/{id}/live/entries", "", "application/json", "{\"text\": \"Not mine.\"}", liveId).expect(403);
        call(editor, "GET", "/api/v1/articles/{id}/live/entries", "", null, null, liveId).expect(200);
        call(editor, "GET", "/api/v1/articles/{id}/live/entries", "", null, null, 987_654).expect(404);
        call(editor, "PUT", "/api/v1/articles/{id}/live/entries/{entryId}", "", "application/json", "{\"text\": \"Talks resume at noon.\"}",
                liveId, entry).expect(200);
        call(editor, "PUT", "/api/v1/articles/{id}/live/entries/{entryId}", "", "application/json", "{\"pinned\": false}", liveId, entry).expect(200);
        call(editor, "PUT", "/api/v1/articles/{id}/live/entries/{entryId}", "", "application/json", "{\"text\": \"\"}", liveId, entry).expect(422);
        call(editor, "PUT", "/api/v1/articles/{id}/live/entries/{entryId}", "", "application/json", "{\"text\": \"x\"}", liveId, 987_654).expect(404);
        call(editor, "DELETE", "/api/v1/articles/{id}/live/entries/{entryId}", "", null, null, liveId, entry).expect(204);
        call(editor, "DELETE", "/api/v1/articles/{id}/live/entries/{entryId}", "", null, null, liveId, entry).expect(404);
        call(editor, "POST", "/api/v1/articles/{id}/live/end", "", null, null, liveId).expect(200);
        call(editor, "POST", "/api/v1/articles/{id}/live/end", "", null, null, 987_654).expect(404);

        assertThat(problems).as("answers that differ from the document").isEmpty();
        Set<String> declared = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> declared.add(method + " " + path)));
        assertThat(exercised).as("every declared operation is exercised here").isEqualTo(declared);
    }

    @Test
    void addressesMethodsAndFormatsTheApiDoesNotServeAnswerInTheErrorShape() throws Exception {
        String editor = keys.create(ownerStaff(), "shape editor", Role.EDITOR);
        assertError(send(editor, "GET", "/api/v1/nothing-here", null, null, "application/json"), 404, "not_found");
        HttpResponse<String> method = send(editor, "DELETE", "/api/v1/articles", null, null, "application/json");
        assertError(method, 405, "method_not_allowed");
        assertThat(method.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");
        assertError(send(editor, "GET", "/api/v1/articles", null, null, "text/html"), 406, "not_acceptable");
        assertError(send(editor, "GET", "/api/v1/articles/987654", null, null, "text/csv"), 404, "not_found");
        assertError(send(editor, "GET", "/api/v1/subscribers/export.csv", null, null, "application/xml"), 406, "not_acceptable");
        assertError(send(editor, "POST", "/api/v1/media", "multipart/form-data", "garbage".getBytes(StandardCharsets.UTF_8), "application/json"),
                400, "bad_request");
    }

    private void assertError(HttpResponse<String> answer, int status, String code) throws Exception {
        assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var error = json.readTree(answer.body()).get("error");
        assertThat(error).as(answer.body()).isNotNull();
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("fields").isObject()).isTrue();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("timestamp");
    }

    /** One call as a generated client makes it; its answer is checked against the document once its status is known. */
    private Answer call(String key, String method, String template, String query, String contentType, Object body, Object... pathValues) {
        String path = template;
        for (Object value : pathValues) {
            path = path.replaceFirst("\\{[^}]+}", String.valueOf(value));
        }
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
        return new Answer(key, method, template, path, query, contentType, bytes);
    }

    private final class Answer {
        private final String key;
        private final String method;
        private final String template;
        private final String path;
        private final String query;
        private final String contentType;
        private final byte[] body;
        private String accept;
        private boolean malformed;
        private HttpResponse<String> response;

        Answer(String key, String method, String template, String path, String query, String contentType, byte[] body) {
            this.key = key;
            this.method = method;
            this.template = template;
            this.path = path;
            this.query = query;
            this.contentType = contentType;
            this.body = body;
        }

        Answer accept(String mediaType) {
            accept = mediaType;
            return this;
        }

        /** The request itself breaks the document on purpose: only the answer is checked. */
        Answer malformed() {
            malformed = true;
            return this;
        }

        int status() throws Exception {
            return expect(-1).response.statusCode();
        }

        String body() throws Exception {
            return expect(-1).response.body();
        }

        Answer expect(int status) throws Exception {
            if (response == null) {
                Operation operation = api.getPaths().get(template).readOperationsMap().get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(method));
                assertThat(operation).as(method + " " + template + " is in the document").isNotNull();
                exercised.add(method + " " + template);
                String wanted = accept != null ? accept : String.join(", ", successContent(operation));
                response = send(key, method, path + query, contentType, body, wanted.isEmpty() ? null : wanted);
                check();
            }
            if (status > 0) {
                assertThat(response.statusCode()).as(method + " " + path + query + " answered " + response.body()).isEqualTo(status);
            }
            return this;
        }

        private void check() {
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
            response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
            Request.Method verb = Request.Method.valueOf(method);
            ValidationReport report;
            if (malformed) {
                report = validator.validateResponse(path, verb, answer.build());
            } else {
                SimpleRequest.Builder request = new SimpleRequest.Builder(verb, path);
                if (key != null) {
                    request.withAuthorization("Bearer " + key);
                }
                if (contentType != null) {
                    request.withContentType(contentType);
                }
                if (body != null) {
                    request.withBody(body);
                }
                if (!query.isEmpty()) {
                    for (String pair : query.substring(1).split("&")) {
                        String[] parts = pair.split("=", 2);
                        request.withQueryParam(parts[0], parts[1]);
                    }
                }
                report = validator.validate(request.build(), answer.build());
            }
            if (report.hasErrors()) {
                problems.add(method + " " + path + query + " → " + response.statusCode() + " " + response.body() + "\n"
                        + SimpleValidationReportFormat.getInstance().apply(report));
            }
        }
    }

    private static Set<String> successContent(Operation operation) {
        Set<String> types = new TreeSet<>();
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                types.addAll(response.getContent().keySet());
            }
        });
        return types;
    }

    private Schema<?> resolved(Schema<?> schema) {
        return schema.get$ref() == null ? schema : api.getComponents().getSchemas().get(schema.get$ref().substring("#/components/schemas/".length()));
    }

    private static String schemaOf(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get("application/json") == null) {
            return null;
        }
        return response.getContent().get("application/json").getSchema().get$ref();
    }

    private HttpResponse<String> send(String key, String method, String pathAndQuery, String contentType, byte[] body, String accept)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    private static byte[] iconForm(String boundary, int width, int height) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", png);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"icon.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(png.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] multipart(String boundary, byte[] file) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"caption", "Cranes at dawn"}, {"photographer", "Ana Ruiz"}, {"agency", "Port Authority"},
                {"licence", "CC BY 4.0"}, {"alt", "Three cranes against the sky"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cranes.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
