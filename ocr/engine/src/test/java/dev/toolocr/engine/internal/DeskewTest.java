package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskewTest {

    @ParameterizedTest
    @ValueSource(doubles = {-7.5, -1.5, 0.8, 4.0})
    void measuresTheSlopeOfTextLines(double degrees) {
        assertThat(Deskew.measure(textPage(degrees))).isCloseTo(degrees, within(0.15));
    }

    @Test
    void levelTextAndBlankPagesMeasureNoSkew() {
        assertThat(Deskew.measure(textPage(0))).isZero();
        assertThat(Deskew.measure(new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY)))
                .as("an all-black page has no lines either")
                .isZero();
        BufferedImage white = new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 1000);
        g.dispose();
        assertThat(Deskew.measure(white)).isZero();
    }

    @Test
    void rotatingByTheOppositeOfTheMeasureLevelsThePage() {
        BufferedImage leaning = textPage(3.0);
        double slope = Deskew.measure(leaning);

        BufferedImage straightened = Deskew.rotate(leaning, -slope);

        assertThat(straightened.getWidth()).isEqualTo(leaning.getWidth());
        assertThat(straightened.getHeight()).isEqualTo(leaning.getHeight());
        assertThat(Math.abs(Deskew.measure(straightened))).isLessThan(0.25);
    }

    /** Lines of text on an A4-proportioned page at 150 dpi, turned clockwise by {@code degrees}. */
    @Test
    void aTallNarrowStripIsMeasuredInsteadOfLoopingForever() {
        // More sampled rows than the point budget: thinning by column stride alone could never finish.
        BufferedImage strip = new BufferedImage(2, 300_000, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < strip.getHeight(); y++) {
            strip.getRaster().setSample(1, y, 0, 255);
        }

        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThat(Deskew.measure(strip)).isBetween(-Deskew.MAX_DEGREES, Deskew.MAX_DEGREES));
    }

    static BufferedImage textPage(double degrees) {
        BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 26));
            String line = "The quick brown fox jumps over the lazy dog while the scanner hums along";
            for (int y = 200; y < 1550; y += 42) {
                g.drawString(line, 150, y);
            }
        } finally {
            g.dispose();
        }
        return page;
    }
}
