package dev.toolocr.incident.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.platform.web.ApiException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Header checks, orientation and scaling without a server. */
class RenditionsTest {

    private final Renditions renditions =
            new Renditions(new FilesProperties(DataSize.ofMegabytes(50), 40_000_000, Duration.ofHours(24)));

    @TempDir
    Path dir;

    @Test
    void everyOrientationShowsTheRedHalfWhereTheTagSays() {
        BufferedImage stored = Fixtures.halves(40, 20); // red left, blue right
        // Where the red half ends up for each EXIF orientation.
        String[] redAt = {null, "left", "right", "right", "left", "top", "top", "bottom", "bottom"};
        for (int o = 1; o <= 8; o++) {
            BufferedImage shown = Renditions.orient(Renditions.scale(stored, 1280, false), o);
            boolean swapped = o >= 5;
            assertThat(shown.getWidth()).as("orientation %d", o).isEqualTo(swapped ? 20 : 40);
            int w = shown.getWidth();
            int h = shown.getHeight();
            int probe = switch (redAt[o]) {
                case "left" -> shown.getRGB(2, h / 2);
                case "right" -> shown.getRGB(w - 3, h / 2);
                case "top" -> shown.getRGB(w / 2, 2);
                default -> shown.getRGB(w / 2, h - 3);
            };
            assertThat((probe >> 16) & 0xff).as("red at %s for %d", redAt[o], o).isGreaterThan(200);
            assertThat(probe & 0xff).as("no blue at %s for %d", redAt[o], o).isLessThan(50);
        }
    }

    @Test
    void theExifOrientationOfAJpegIsRead() throws Exception {
        Path file = dir.resolve("x.jpg");
        Files.write(file, Fixtures.jpegWithExif(Fixtures.halves(64, 32), 6, "TestCam"));
        assertThat(ExifOrientation.read(file, FileType.JPEG)).isEqualTo(6);
        Files.write(file, Fixtures.encode(Fixtures.halves(64, 32), "jpeg"));
        assertThat(ExifOrientation.read(file, FileType.JPEG)).isEqualTo(1);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
        Path file = dir.resolve("bomb.png");
        Files.write(file, Fixtures.pngBomb(20_000, 20_000));
        assertThat(Files.size(file)).isLessThan(10_000);
        assertThatThrownBy(() -> renditions.inspect(file, FileType.PNG))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(413);
                    assertThat(e.type().toString()).isEqualTo("image-too-large");
                    assertThat(e.properties()).containsEntry("width", 20_000);
                });
    }

    @Test
    void theHandMadeWebpIsAWebpImageIoReads() throws Exception {
        byte[] webp = Fixtures.encode(Fixtures.halves(30, 10), "webp");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(webp));
        assertThat(read.getWidth()).isEqualTo(30);
        assertThat((read.getRGB(2, 5) >> 16) & 0xff).isEqualTo(255);
        assertThat(read.getRGB(27, 5) & 0xff).isEqualTo(255);
    }

    @Test
    void scalingKeepsTheAspectAndNeverEnlarges() {
        BufferedImage big = Renditions.scale(Fixtures.halves(3000, 1000), 1280, false);
        assertThat(big.getWidth()).isEqualTo(1280);
        assertThat(big.getHeight()).isEqualTo(427);
        BufferedImage small = Renditions.scale(Fixtures.halves(100, 50), 1280, false);
        assertThat(small.getWidth()).isEqualTo(100);
    }
}
