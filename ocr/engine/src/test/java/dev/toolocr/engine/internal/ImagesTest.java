package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void upscalingDoublesTheSizeAndKeepsFlatAreasFlat() {
        BufferedImage half = new BufferedImage(100, 40, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = pixels(half);
        for (int y = 0; y < 40; y++) {
            for (int x = 50; x < 100; x++) {
                px[y * 100 + x] = (byte) 255;
            }
        }

        BufferedImage big = Images.scale(half, 2);

        assertThat(big.getWidth()).isEqualTo(200);
        assertThat(big.getHeight()).isEqualTo(80);
        assertThat(big.getRaster().getSample(10, 40, 0)).isZero();
        assertThat(big.getRaster().getSample(190, 40, 0)).isEqualTo(255);
        int previous = 0;
        for (int x = 0; x < 200; x++) {
            int v = big.getRaster().getSample(x, 40, 0);
            assertThat(v).as("brightness never falls along the edge's profile").isGreaterThanOrEqualTo(previous);
            previous = v;
        }
    }

    @Test
    void identityTransformCopiesEveryPixel() {
        BufferedImage noise = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        new Random(7).nextBytes(pixels(noise));

        assertThat(pixels(Images.transform(noise, new AffineTransform()))).isEqualTo(pixels(noise));
    }

    @Test
    void rotationMatchesJava2dWithWhiteBehind() {
        BufferedImage page = DeskewTest.textPage(0);
        AffineTransform turn = Deskew.turn(page.getWidth(), page.getHeight(), 3.0);

        BufferedImage ours = Images.transform(page, turn);
        BufferedImage reference = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = reference.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, turn, null);
        g.dispose();

        byte[] a = pixels(ours);
        byte[] b = pixels(reference);
        long diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        assertThat(diff / (double) a.length)
                .as("mean difference in grey levels")
                .isLessThan(2.0);
        assertThat(ours.getRaster().getSample(2, 2, 0))
                .as("corner turned in from outside")
                .isEqualTo(255);
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    @Test
    void aPageOfTwoGreyLevelsIsBilevelAndAThirdLevelMakesItGrey() {
        BufferedImage page = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = pixels(page);
        java.util.Arrays.fill(px, (byte) 255);
        assertThat(Images.isBilevel(page)).as("blank").isFalse();
        px[30] = 0;
        assertThat(Images.isBilevel(page)).isTrue();
        px[500] = (byte) 128;
        assertThat(Images.isBilevel(page)).isFalse();
    }

    @Test
    void smoothingSoftensAnEdgeAndKeepsFlatAreasAsTheyWere() {
        BufferedImage page = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = pixels(page);
        for (int y = 0; y < 10; y++) {
            for (int x = 10; x < 20; x++) {
                px[y * 20 + x] = (byte) 255;
            }
        }

        BufferedImage soft = Images.smooth(page);

        assertThat(soft.getRaster().getSample(2, 5, 0)).isZero();
        assertThat(soft.getRaster().getSample(17, 5, 0)).isEqualTo(255);
        assertThat(soft.getRaster().getSample(9, 5, 0)).isEqualTo(85);
        assertThat(soft.getRaster().getSample(10, 5, 0)).isEqualTo(170);
        assertThat(Images.isBilevel(soft)).isFalse();
    }
}
