package press.dispatch.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.platform.BadSettingException;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads wait in line to be decoded; one that finds no turn in time is told to try again, never left to fail. */
@TestPropertySource(properties = "dispatch.media.queue-wait=0s")
class BusyUploadsTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    DecodingQueue queue;

    @Autowired
    ApiKeys keys;

    @Test
    void anUploadThatFindsNoTurnIsAnswered503WithAMessageAndTheSameUploadSucceedsLater() throws IOException {
        AdminSession owner = owner();
        byte[] photo = jpeg(1200, 800);

        AdminSession.Response busy;
        List<DecodingQueue.Turn> held = holdEveryTurn();
        try {
            busy = owner.postFile("/admin/media/upload", Map.of("caption", "Busy evening"), "photo", "evening.jpg", "image/jpeg", photo);
        } finally {
            held.forEach(DecodingQueue.Turn::close);
        }

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("60");
        assertThat(busy.page().select(".problem").text())
                .isEqualTo("evening.jpg was not processed: the server is busy with other photos. Try again in a minute.");
        assertThat(busy.page().select("#caption").val()).isEqualTo("Busy evening");

        AdminSession.Response later = owner.postFile("/admin/media/upload", Map.of("caption", "Busy evening"), "photo", "evening.jpg", "image/jpeg",
                photo);
        assertThat(later.status()).isEqualTo(302);
        assertThat(owner.get("/admin/media").page().select("figcaption").text()).contains("Busy evening");
    }

    @Test
    void theApiAnswersABusyServerWith503AndARetryAfter() throws Exception {
        String key = keys.create(ownerStaff(), "photo desk", Role.AUTHOR);

        HttpResponse<String> answer;
        List<DecodingQueue.Turn> held = holdEveryTurn();
        try {
            answer = apiUpload(key, "night.jpg", jpeg(640, 480));
        } finally {
            held.forEach(DecodingQueue.Turn::close);
        }

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("60");
        assertThat(answer.body()).contains("\"code\":\"busy\"").contains("night.jpg was not processed");
    }

    @Test
    void aPhotoOverThePixelLimitIsRefusedFromItsHeaderWithoutWaitingForATurn() {
        AdminSession owner = owner();

        AdminSession.Response refused;
        List<DecodingQueue.Turn> held = holdEveryTurn();
        try {
            refused = owner.postFile("/admin/media/upload", Map.of(), "photo", "wall.png", "image/png", MediaLibraryTest.pngHeaderClaiming(9000, 6000));
        } finally {
            held.forEach(DecodingQueue.Turn::close);
        }

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text())
                .isEqualTo("wall.png is 9000×6000 pixels (54 megapixels); at most 50 megapixels are accepted.");
    }

    @Test
    void aPixelLimitOutOfRangeStopsStartUpSayingWhatToSet() {
        assertThatThrownBy(() -> new MediaSettings(0, null))
                .isInstanceOf(BadSettingException.class)
                .hasMessage("DISPATCH_MEDIA_MAX_MEGAPIXELS is 0: set it to a number from 1 to 200");
    }

    @Test
    void aSmallHeapDecodesOnePhotoAtATimeAndALargeOneNoMoreThanThereAreProcessors() {
        long mb = 1024L * 1024L;
        assertThat(DecodingQueue.turnsFor(128 * mb, 2)).isEqualTo(1);
        assertThat(DecodingQueue.turnsFor(1024 * mb, 2)).isEqualTo(2);
        assertThat(DecodingQueue.turnsFor(1024 * mb, 16)).isEqualTo(4);
    }

    private List<DecodingQueue.Turn> holdEveryTurn() {
        List<DecodingQueue.Turn> held = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            held.add(queue.await("held by the test"));
        }
        return held;
    }

    private HttpResponse<String> apiUpload(String key, String filename, byte[] file) throws Exception {
        String boundary = "----dispatch-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/media")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }
}
