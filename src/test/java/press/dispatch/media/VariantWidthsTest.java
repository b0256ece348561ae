package press.dispatch.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VariantWidthsTest {

    @Test
    void aPhotoIsKeptAtEachStandardWidthItReachesAndAtItsOwnBetweenTwo() {
        assertThat(MediaLibrary.variantWidths(300)).containsExactly(300);
        assertThat(MediaLibrary.variantWidths(480)).containsExactly(480);
        assertThat(MediaLibrary.variantWidths(500)).as("within a tenth of 480: no near copy").containsExactly(480);
        assertThat(MediaLibrary.variantWidths(800)).as("not only 480, stretched to the column").containsExactly(480, 800);
        assertThat(MediaLibrary.variantWidths(1200)).containsExactly(480, 960, 1200);
        assertThat(MediaLibrary.variantWidths(1600)).containsExactly(480, 960, 1600);
        assertThat(MediaLibrary.variantWidths(4000)).containsExactly(480, 960, 1600);
    }
}
