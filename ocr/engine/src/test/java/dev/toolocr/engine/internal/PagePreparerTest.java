package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagePreparerTest {

    @TempDir
    Path emptyTessdata;

    @Test
    void lowResolutionPageIsUpscaledToThreeHundredDpi() {
        try (PagePreparer preparer = new PagePreparer(Tessdata.locate(System.getenv()))) {
            PagePreparer.Prepared prepared = preparer.prepare(DeskewTest.textPage(0), 150, 100_000_000L);

            assertThat(prepared.dpi()).isEqualTo(300);
            assertThat(prepared.image().getWidth()).isEqualTo(2480);
            assertThat(prepared.image().getHeight()).isEqualTo(3508);
        }
    }

    @Test
    void upscalingNeverExceedsThePixelLimit() {
        try (PagePreparer preparer = new PagePreparer(Tessdata.locate(System.getenv()))) {
            PagePreparer.Prepared prepared = preparer.prepare(DeskewTest.textPage(0), 150, 3_000_000L);

            assertThat(prepared.dpi()).isEqualTo(150);
            assertThat(prepared.image().getWidth()).isEqualTo(1240);
        }
    }

    @Test
    void quarterTurnsMovePixelsWhereAClockwiseTurnPutsThem() {
        BufferedImage page = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        page.getRaster().setSample(0, 0, 0, 200); // top left

        assertThat(PagePreparer.turnQuarter(page, 90).getRaster().getSample(2, 0, 0))
                .as("top left goes to top right")
                .isEqualTo(200);
        assertThat(PagePreparer.turnQuarter(page, 180).getRaster().getSample(3, 2, 0))
                .as("top left goes to bottom right")
                .isEqualTo(200);
        assertThat(PagePreparer.turnQuarter(page, 270).getRaster().getSample(0, 3, 0))
                .as("top left goes to bottom left")
                .isEqualTo(200);
        assertThat(PagePreparer.turnQuarter(page, 90).getWidth()).isEqualTo(3);
    }

    @Test
    void withoutOrientationDataPagesAreTakenAsUpright() throws Exception {
        assertThat(Files.list(emptyTessdata)).isEmpty();
        try (PagePreparer preparer = new PagePreparer(emptyTessdata)) {
            BufferedImage upsideDown = PagePreparer.turnQuarter(DeskewTest.textPage(0), 180);

            assertThat(preparer.prepare(upsideDown, 300, 100_000_000L).rotation())
                    .isZero();
        }
    }

    @Test
    void upsideDownTextPageIsTurnedBack() {
        try (PagePreparer preparer = new PagePreparer(Tessdata.locate(System.getenv()))) {
            BufferedImage upsideDown = PagePreparer.turnQuarter(DeskewTest.textPage(0), 180);

            assertThat(preparer.prepare(upsideDown, 150, 100_000_000L).rotation())
                    .isEqualTo(180);
        }
    }
}
