package dev.toolocr.engine;

import static dev.toolocr.engine.internal.FakeNpmRegistry.entries;
import static dev.toolocr.engine.internal.FakeNpmRegistry.gzip;
import static dev.toolocr.engine.internal.FakeNpmRegistry.tgz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.engine.internal.FakeNpmRegistry;
import dev.toolocr.engine.internal.Tessdata;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A language fetched from a (local, fake) registry is what the engine then recognises with. */
class LanguageFetchTest {

    @TempDir
    Path dir;

    /**
     * The registry serves a real English model as {@code enm}: the four shipped languages never reach
     * the registry, and Tesseract takes a model under whatever name its file has.
     */
    @Test
    void aFetchedModelRecognisesText() throws Exception {
        Path eng = Tessdata.locate(System.getenv()).resolve("eng.traineddata");
        Path tessdata = Files.createDirectories(dir.resolve("tessdata"));
        Path page = dir.resolve("page.png");
        ImageIO.write(textImage("Registry fetched model works"), "png", page.toFile());

        try (FakeNpmRegistry registry = new FakeNpmRegistry()) {
            registry.publish(
                    "enm", tgz(entries("package/4.0.0_best_int/enm.traineddata.gz", gzip(Files.readAllBytes(eng)))));
            EngineConfig config = EngineConfig.defaults()
                    .withParallelPages(1)
                    .withTessdataDir(tessdata)
                    .withLanguageRegistry(registry.uri());

            try (OcrProcessor offline = new OcrProcessor(config)) {
                assertThatThrownBy(() -> offline.requireLanguages("enm"))
                        .isInstanceOf(OcrException.class)
                        .hasMessageStartingWith("Language 'enm' is not installed;");
            }
            assertThat(registry.requests()).isZero();

            try (OcrProcessor processor = new OcrProcessor(config.withFetchMissingLanguages(true))) {
                OcrRun run = processor.process(
                        page,
                        "page.png",
                        OcrOptions.defaults().withLanguages("enm").withFormats(EnumSet.of(OutputFormat.TXT)),
                        dir.resolve("out"),
                        "page",
                        (done, total) -> {},
                        () -> false);
                assertThat(Files.readString(run.outputs().get(OutputFormat.TXT)))
                        .contains("Registry fetched model works");
            }
        }
        assertThat(Files.readAllBytes(tessdata.resolve("enm.traineddata"))).isEqualTo(Files.readAllBytes(eng));
    }

    private static BufferedImage textImage(String text) {
        BufferedImage image = new BufferedImage(1400, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 60));
        g.drawString(text, 60, 170);
        g.dispose();
        return image;
    }
}
