package press.dispatch.metadata;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadMetadataTest {

    private static String card(SocialImage image) {
        return new HeadMetadata("T", "T", "D", "https://news.example/", "website", "Site", "en_GB", image, null, null, null, List.of(), List.of())
                .twitterCard();
    }

    private static SocialImage sized(int width, int height) {
        return new SocialImage("https://news.example/p.jpg", width, height, "alt");
    }

    @Test
    void aLargeCardNeedsAPictureAtLeast300By157AndNoWiderThanTwoAndAHalfToOne() {
        assertThat(card(sized(1200, 675))).isEqualTo("summary_large_image");
        assertThat(card(sized(300, 157))).isEqualTo("summary_large_image");
        assertThat(card(sized(1000, 1000))).isEqualTo("summary_large_image");
        assertThat(card(sized(500, 200))).as("exactly 2.5 to 1").isEqualTo("summary_large_image");
        assertThat(card(sized(600, 60))).as("the publisher logo banner").isEqualTo("summary");
        assertThat(card(sized(299, 400))).isEqualTo("summary");
        assertThat(card(sized(400, 156))).isEqualTo("summary");
        assertThat(card(sized(501, 200))).isEqualTo("summary");
        assertThat(card(null)).isEqualTo("summary");
    }
}
