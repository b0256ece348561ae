package press.dispatch.metadata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageDescriptionsTest {

    @Test
    void aLicenceNamedTheWayThePhotoDeskWritesItPointsAtItsDeed() {
        assertThat(PageDescriptions.licenceAddress("CC BY 4.0")).contains("https://creativecommons.org/licenses/by/4.0/");
        assertThat(PageDescriptions.licenceAddress("cc-by-nc-sa 3.0")).contains("https://creativecommons.org/licenses/by-nc-sa/3.0/");
        assertThat(PageDescriptions.licenceAddress("CC BY-SA 4.0 International")).contains("https://creativecommons.org/licenses/by-sa/4.0/");
        assertThat(PageDescriptions.licenceAddress("CC0")).contains("https://creativecommons.org/publicdomain/zero/1.0/");
        assertThat(PageDescriptions.licenceAddress("CC0 1.0")).contains("https://creativecommons.org/publicdomain/zero/1.0/");
        assertThat(PageDescriptions.licenceAddress("Public domain")).contains("https://creativecommons.org/publicdomain/mark/1.0/");
        assertThat(PageDescriptions.licenceAddress("https://agency.example/terms")).contains("https://agency.example/terms");
    }

    @Test
    void aLicenceWithNoAddressToPointAtHasNone() {
        assertThat(PageDescriptions.licenceAddress("All rights reserved")).isEmpty();
        assertThat(PageDescriptions.licenceAddress("CC BY")).as("no version: which deed is unknown").isEmpty();
        assertThat(PageDescriptions.licenceAddress("CC BY-SA-XX 4.0")).isEmpty();
        assertThat(PageDescriptions.licenceAddress("CC BY 5.0")).isEmpty();
        assertThat(PageDescriptions.licenceAddress("javascript:alert(1)")).isEmpty();
        assertThat(PageDescriptions.licenceAddress("")).isEmpty();
    }

    @Test
    void aSummaryIsTheTextWithoutTagsOrEntitiesCutAtAWord() {
        assertThat(PageDescriptions.summary("<h2>Who</h2><p>Caf&eacute; &amp; <em>bar</em>.</p>", 160)).isEqualTo("Who Café & bar.");
        assertThat(PageDescriptions.summary("<p>one two three four five six</p>", 16)).isEqualTo("one two three…");
        assertThat(PageDescriptions.summary("<p>" + "x".repeat(200) + "</p>", 160)).hasSize(160).endsWith("x…");
        assertThat(PageDescriptions.summary("", 160)).isEmpty();
    }
}
