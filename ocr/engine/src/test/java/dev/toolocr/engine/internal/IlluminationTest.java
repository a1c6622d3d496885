package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

class IlluminationTest {

    @Test
    void evenlyLitPageIsLeftAsItIs() {
        BufferedImage page = DeskewTest.textPage(0);

        assertThat(Illumination.flatten(page, 150)).isSameAs(page);
    }

    @Test
    void shadowedPaperTurnsWhiteWhileInkStaysDark() {
        BufferedImage page = shadowed(DeskewTest.textPage(0));
        assertThat(darkerThan(page, 128, true))
                .as("the shadow alone falls below a global threshold")
                .isPositive();

        BufferedImage flat = Illumination.flatten(page, 150);

        assertThat(flat).isNotSameAs(page);
        assertThat(darkerThan(flat, 128, true))
                .as("paper under a global threshold")
                .isZero();
        assertThat(darkerThan(flat, 128, false))
                .as("ink still below it")
                .isGreaterThan(darkerThan(DeskewTest.textPage(0), 128, false) * 9 / 10);
    }

    /** Light falling from the right: the left edge gets a third of it, as under a hand's shadow. */
    private static BufferedImage shadowed(BufferedImage page) {
        WritableRaster r = page.getRaster();
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                double light = 0.33 + 0.67 * x / (page.getWidth() - 1.0);
                r.setSample(x, y, 0, (int) Math.round(r.getSample(x, y, 0) * light));
            }
        }
        return page;
    }

    /**
     * Pixels darker than {@code threshold} on the paper (rows between the text lines of {@link
     * DeskewTest#textPage}) or, with {@code paper} false, anywhere.
     */
    private static int darkerThan(BufferedImage page, int threshold, boolean paper) {
        int count = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            // Text baselines sit at 200 + 42k; rows 12 to 20 pixels below one are clear of its
            // descenders and above the next line's ascenders.
            boolean betweenLines = y >= 200 && (y - 200) % 42 >= 12 && (y - 200) % 42 <= 20;
            if (paper && !betweenLines && y >= 150) {
                continue;
            }
            for (int x = 0; x < page.getWidth(); x++) {
                if (page.getRaster().getSample(x, y, 0) < threshold) {
                    count++;
                }
            }
        }
        return count;
    }
}
