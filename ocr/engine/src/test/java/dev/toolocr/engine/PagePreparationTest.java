package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages that come in sideways, upside down or leaning are turned upright and straightened before
 * recognition, the correction is recorded per page, and the searchable PDF still reads back the same
 * text. The page is the top of linn.png (a real scan), turned here by known amounts.
 */
class PagePreparationTest {

    static final OcrProcessor processor = SharedProcessor.get();
    static BufferedImage upright;
    static String uprightText;

    @TempDir
    static Path shared;

    @TempDir
    Path out;

    @BeforeAll
    static void start() throws Exception {
        BufferedImage linn = ImageIO.read(TestCorpus.file("linn.png").toFile());
        upright = linn.getSubimage(0, 0, linn.getWidth(), linn.getHeight() * 45 / 100);
        Path file = shared.resolve("upright.png");
        ImageIO.write(upright, "png", file.toFile());
        JsonNode json = run(file, shared);
        assertThat(json.at("/pages/0/rotation").asInt()).isZero();
        assertThat(json.at("/pages/0/skew").asDouble()).isZero();
        uprightText = Files.readString(shared.resolve("page.txt"));
        assertThat(uprightText).contains("LinnSequencer");
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void turnedPageIsTurnedBackRecordedAndReadLikeTheUprightOne(int turned) throws Exception {
        Path file = out.resolve("turned.png");
        ImageIO.write(turn(upright, turned), "png", file.toFile());

        JsonNode json = run(file, out);

        int expected = (360 - turned) % 360;
        assertThat(json.at("/pages/0/rotation").asInt()).isEqualTo(expected);
        String text = Files.readString(out.resolve("page.txt"));
        assertThat(Cer.of(text, uprightText)).isLessThan(0.02);
        try (PDDocument pdf = Loader.loadPDF(out.resolve("page.pdf").toFile())) {
            assertThat(pdf.getPage(0).getRotation())
                    .as("the PDF page is shown upright")
                    .isEqualTo(expected);
            assertThat(Cer.of(new PDFTextStripper().getText(pdf), text)).isLessThan(0.02);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {3.0, -2.0})
    void leaningPageIsStraightenedAndItsSkewRecorded(double degrees) throws Exception {
        Path file = out.resolve("skewed.png");
        ImageIO.write(turn(upright, degrees), "png", file.toFile());

        JsonNode json = run(file, out);

        assertThat(json.at("/pages/0/rotation").asInt()).isZero();
        assertThat(json.at("/pages/0/skew").asDouble()).isCloseTo(-degrees, within(0.3));
        String text = Files.readString(out.resolve("page.txt"));
        assertThat(Cer.of(text, uprightText)).isLessThan(0.03);
        try (PDDocument pdf = Loader.loadPDF(out.resolve("page.pdf").toFile())) {
            assertThat(Cer.of(new PDFTextStripper().getText(pdf), text)).isLessThan(0.02);
        }
    }

    @Test
    void sidewaysAndLeaningPageGetsBothCorrections() throws Exception {
        Path file = out.resolve("both.png");
        ImageIO.write(turn(upright, 90 + 2.5), "png", file.toFile());

        JsonNode json = run(file, out);

        assertThat(json.at("/pages/0/rotation").asInt()).isEqualTo(270);
        assertThat(json.at("/pages/0/skew").asDouble()).isCloseTo(-2.5, within(0.3));
        assertThat(Cer.of(Files.readString(out.resolve("page.txt")), uprightText))
                .isLessThan(0.03);
    }

    private static JsonNode run(Path file, Path dir) throws Exception {
        processor.process(
                file,
                file.getFileName().toString(),
                OcrOptions.defaults(),
                dir,
                "page",
                ProgressListener.NONE,
                CancellationToken.NEVER);
        return new ObjectMapper().readTree(dir.resolve("page.json").toFile());
    }

    /** The image turned clockwise by {@code degrees} about its centre, on a canvas that holds it all. */
    static BufferedImage turn(BufferedImage source, double degrees) {
        double r = Math.toRadians(degrees);
        double cos = Math.abs(Math.cos(r));
        double sin = Math.abs(Math.sin(r));
        int w = (int) Math.round(source.getWidth() * cos + source.getHeight() * sin);
        int h = (int) Math.round(source.getWidth() * sin + source.getHeight() * cos);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform t = new AffineTransform();
            t.translate(w / 2.0, h / 2.0);
            t.rotate(r);
            t.translate(-source.getWidth() / 2.0, -source.getHeight() / 2.0);
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
