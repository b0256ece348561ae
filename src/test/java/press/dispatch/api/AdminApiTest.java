package press.dispatch.api;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.accounts.ApiKey;
import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    ApiKeys keys;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aKeyMadeInTheAdminCreatesAndPublishesAnArticleThatReadersSee() throws Exception {
        AdminSession owner = owner();
        AdminSession.Response made = owner.post("/admin/api-keys", java.util.Map.of("name", "CMS bridge", "role", "editor"));
        assertThat(made.status()).isEqualTo(201);
        String key = made.page().selectFirst("#new-key").text();
        assertThat(key).startsWith("dsp_");
        assertThat(owner.get("/admin/api-keys").body()).as("a key is shown once").doesNotContain(key);

        HttpResponse<String> created = call("POST", "/api/v1/articles", key, """
                {"headline": "Harbour cranes arrive by sea", "standfirst": "Four cranes.", "body": "First.\\n\\n## Then\\n\\n> Said the harbour master.",
                 "tags": ["Ports", "Logistics"]}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode article = json.readTree(created.body());
        long id = article.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/articles/" + id);
        assertThat(article.get("status").asString()).isEqualTo("draft");
        assertThat(browser.get("/articles/" + article.get("slug").asString()).status()).as("a draft is not public").isEqualTo(404);

        HttpResponse<String> published = call("POST", "/api/v1/articles/" + id + "/publish", key, "");
        assertThat(published.statusCode()).isEqualTo(200);
        String url = json.readTree(published.body()).get("url").asString();
        assertThat(browser.get(url).page().select("h1").text()).isEqualTo("Harbour cranes arrive by sea");
        assertThat(browser.get(url).page().select("blockquote").text()).contains("Said the harbour master.");
        assertThat(jdbc.sql("SELECT staff_name FROM article_revisions WHERE article_id = :id").param("id", id).query(String.class).list())
                .as("revisions name the key").allMatch(name -> name.contains("API key CMS bridge"));
    }

    @Test
    void aRevokedOrUnknownKeyIs401AndErrorsHaveOneShape() throws Exception {
        String key = keys.create(ownerStaff(), "temporary", Role.AUTHOR);
        assertThat(call("GET", "/api/v1/articles", key, null).statusCode()).isEqualTo(200);
        long id = keys.list().stream().filter(k -> k.name().equals("temporary")).findFirst().map(ApiKey::id).orElseThrow();
        AdminSession owner = owner();
        assertThat(owner.post("/admin/api-keys/" + id + "/revoke", java.util.Map.of()).status()).isEqualTo(302);

        HttpResponse<String> revoked = call("GET", "/api/v1/articles", key, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json.readTree(revoked.body()).at("/error/code").asString()).isEqualTo("unauthorized");
        assertThat(call("GET", "/api/v1/articles", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/articles", "dsp_" + "x".repeat(43), null).statusCode()).isEqualTo(401);

        String editor = keys.create(ownerStaff(), "editor script", Role.EDITOR);
        HttpResponse<String> invalid = call("POST", "/api/v1/articles", editor, "{\"headline\": \"\", \"body\": \"\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(invalid.body()).get("error");
        assertThat(error.get("status").asInt()).isEqualTo(422);
        assertThat(error.get("code").asString()).isEqualTo("invalid");
        assertThat(error.get("fields").propertyNames()).contains("headline", "body");

        HttpResponse<String> broken = call("POST", "/api/v1/articles", editor, "{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(broken.body()).at("/error/code").asString()).isEqualTo("bad_request");
        HttpResponse<String> missing = call("GET", "/api/v1/articles/987654", editor, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).at("/error/code").asString()).isEqualTo("not_found");
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at press.");
    }

    @Test
    void twoScriptsSavingTheSameVersionNeverOverwriteEachOther() throws Exception {
        String key = keys.create(ownerStaff(), "desk", Role.EDITOR);
        long id = json.readTree(call("POST", "/api/v1/articles", key, "{\"headline\": \"Draft\", \"body\": \"One.\"}").body()).get("id").asLong();
        int version = json.readTree(call("GET", "/api/v1/articles/" + id, key, null).body()).get("version").asInt();

        HttpResponse<String> first = call("PUT", "/api/v1/articles/" + id, key,
                "{\"headline\": \"First writer\", \"body\": \"Two.\", \"version\": " + version + "}");
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> second = call("PUT", "/api/v1/articles/" + id, key,
                "{\"headline\": \"Second writer\", \"body\": \"Three.\", \"version\": " + version + "}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json.readTree(second.body()).at("/error/code").asString()).isEqualTo("conflict");
        assertThat(publishing.get(id).headline()).isEqualTo("First writer");
    }

    @Test
    void anIdThatNamesNothingIsRefusedByNameNotA500() throws Exception {
        String key = keys.create(ownerStaff(), "stale ids", Role.EDITOR);
        long before = jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
        for (String[] bad : new String[][] {{"sectionId", "\"sectionId\": 999999"}, {"featuredMediaId", "\"featuredMediaId\": 999999"},
                {"authorIds", "\"authorIds\": [999999]"}}) {
            HttpResponse<String> refused = call("POST", "/api/v1/articles", key, "{\"headline\": \"Stale\", \"body\": \"B.\", " + bad[1] + "}");
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(422);
            assertThat(json.readTree(refused.body()).at("/error/fields/" + bad[0]).asString()).as(bad[0]).startsWith("No ");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single()).isEqualTo(before);
        long id = json.readTree(call("POST", "/api/v1/articles", key, "{\"headline\": \"Real\", \"body\": \"B.\"}").body()).get("id").asLong();
        HttpResponse<String> update = call("PUT", "/api/v1/articles/" + id, key, "{\"headline\": \"Real\", \"body\": \"B.\", \"sectionId\": 999999, \"version\": "
                + json.readTree(call("GET", "/api/v1/articles/" + id, key, null).body()).get("version").asInt() + "}");
        assertThat(update.statusCode()).isEqualTo(422);
        assertThat(json.readTree(update.body()).at("/error/fields/sectionId").asString()).startsWith("No section");
    }

    @Test
    void aParameterOrFieldOfTheWrongKindIsNamedNotAnsweredWithAnEmptyList() throws Exception {
        String key = keys.create(ownerStaff(), "careless script", Role.ADMIN);
        for (String list : new String[] {"/api/v1/articles?status=bogus", "/api/v1/comments?status=spm", "/api/v1/subscribers?status=all"}) {
            HttpResponse<String> refused = call("GET", list, key, null);
            assertThat(refused.statusCode()).as(list).isEqualTo(400);
            assertThat(json.readTree(refused.body()).at("/error/code").asString()).isEqualTo("bad_request");
            assertThat(json.readTree(refused.body()).at("/error/fields/status").asString()).as(list).startsWith("Must be one of ");
        }
        HttpResponse<String> missing = call("GET", "/api/v1/media?missing=credits", key, null);
        assertThat(missing.statusCode()).as("not every photo, as if the filter were not there").isEqualTo(400);
        assertThat(json.readTree(missing.body()).at("/error/fields/missing").asString()).contains("credit, alt");
        assertThat(call("GET", "/api/v1/articles?status=draft", key, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/comments?status=spam", key, null).statusCode()).isEqualTo(200);

        HttpResponse<String> page = call("GET", "/api/v1/articles?page=two", key, null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(json.readTree(page.body()).at("/error/fields/page").asString()).isEqualTo("Must be a whole number.");

        long id = json.readTree(call("POST", "/api/v1/articles", key, "{\"headline\": \"Timed\", \"body\": \"B.\"}").body()).get("id").asLong();
        HttpResponse<String> local = call("POST", "/api/v1/articles/" + id + "/schedule", key, "{\"publishAt\": \"2027-01-05T09:00:00\"}");
        assertThat(local.statusCode()).as("a time without its offset is ambiguous").isEqualTo(400);
        JsonNode error = json.readTree(local.body()).get("error");
        assertThat(error.at("/fields/publishAt").asString()).contains("offset from UTC");
        assertThat(error.get("message").asString()).contains("publishAt");
        HttpResponse<String> huge = call("POST", "/api/v1/articles", key, "{\"headline\": \"T\", \"body\": \"B.\", \"sectionId\": 99999999999999999999}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json.readTree(huge.body()).at("/error/fields/sectionId").asString()).as("out of range").isEqualTo("Must be a whole number.");
        HttpResponse<String> tags = call("POST", "/api/v1/articles", key, "{\"headline\": \"T\", \"body\": \"B.\", \"tags\": [\"a\", {\"b\": 1}]}");
        assertThat(tags.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tags.body()).at("/error/fields").propertyNames()).containsExactly("tags[1]");

        HttpResponse<String> published = call("POST", "/api/v1/articles/" + id + "/publish", key, "");
        assertThat(published.statusCode()).isEqualTo(200);
        HttpResponse<String> public_ = call("PUT", "/api/v1/articles/" + id + "/release", key, "{\"embargoUntil\": \"2027-01-05T09:00:00Z\"}");
        assertThat(public_.statusCode()).isEqualTo(422);
        assertThat(json.readTree(public_.body()).at("/error/message").asString()).contains("already public");
        assertThat(json.readTree(public_.body()).at("/error/fields").isEmpty()).as("the article's state, not a field, is at fault").isTrue();
        long draft = json.readTree(call("POST", "/api/v1/articles", key, "{\"headline\": \"Held\", \"body\": \"B.\"}").body()).get("id").asLong();
        HttpResponse<String> farOff = call("PUT", "/api/v1/articles/" + draft + "/release", key, "{\"embargoUntil\": \"+10000-01-01T00:00:00Z\"}");
        assertThat(farOff.statusCode()).isEqualTo(422);
        assertThat(json.readTree(farOff.body()).at("/error/fields/embargoUntil").asString()).contains("10000");
    }

    @Test
    void aContributorKeyWritesDraftsButCannotPublishOrUpload() throws Exception {
        String key = keys.create(ownerStaff(), "stringer", Role.CONTRIBUTOR);
        HttpResponse<String> created = call("POST", "/api/v1/articles", key, "{\"headline\": \"From the field\", \"body\": \"Notes.\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        HttpResponse<String> publish = call("POST", "/api/v1/articles/" + id + "/publish", key, "");
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(json.readTree(publish.body()).at("/error/code").asString()).isEqualTo("forbidden");
        assertThat(upload(key).statusCode()).isEqualTo(403);
    }

    @Test
    void anUploadedPhotoIsReEncodedWithItsCredit() throws Exception {
        String key = keys.create(ownerStaff(), "photo desk", Role.AUTHOR);
        HttpResponse<String> answer = upload(key);
        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode photo = json.readTree(answer.body());
        assertThat(photo.at("/credit/photographer").asString()).isEqualTo("Ana Ruiz");
        assertThat(photo.get("caption").asString()).isEqualTo("Cranes at dawn");
        assertThat(browser.get(photo.get("url").asString()).header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void theOpenApiDocumentDescribesEveryApiOperation() throws Exception {
        HttpResponse<String> doc = call("GET", "/api/openapi.json", null, null);
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(doc.body()).get("paths");
        Set<String> documented = new TreeSet<>();
        paths.properties().forEach(p -> p.getValue().propertyNames().forEach(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        Set<String> registered = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> registered.add(m.name() + " " + p))));
        assertThat(documented).isEqualTo(registered);
        assertThat(doc.body()).contains("bearer");
    }

    private HttpResponse<String> upload(String key) throws Exception {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        String boundary = "----dispatch-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"caption", "Cranes at dawn"}, {"photographer", "Ana Ruiz"}, {"agency", "Port Authority"},
                {"licence", "CC BY 4.0"}, {"alt", "Three cranes against the sky"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cranes.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(png.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/media")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }
}
