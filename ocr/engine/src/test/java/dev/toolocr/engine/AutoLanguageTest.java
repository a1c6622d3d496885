package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lang=auto on pages rendered here: English, Traditional Chinese, and both in one file. Needs the
 * Noto CJK fonts (fonts-noto-cjk) to draw Chinese and chi_tra to read it; without them the tests
 * are skipped with a notice.
 */
class AutoLanguageTest {

    static final OcrProcessor processor = SharedProcessor.get();

    private static final String[] ENGLISH = {
        "The river town kept its market on the old stone square",
        "every Thursday morning. Farmers came down from the hills",
        "before sunrise with baskets of apples and jars of honey.",
    };

    private static final String[] CHINESE = {
        "臺北市立圖書館將於下個月舉辦古籍修復展覽，", "展出多件清代手抄本與地方志。館方表示，這些文獻", "經過兩年的清潔與補紙工作，才得以重新公開展示。",
    };

    private static Font cjk;

    @TempDir
    Path out;

    @BeforeAll
    static void needsChineseFontAndLanguage() throws Exception {
        File ttc = new File("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
        Assumptions.assumeTrue(ttc.isFile(), "NOTICE: fonts-noto-cjk not installed, lang=auto tests skipped");
        for (Font f : Font.createFonts(ttc)) {
            if (f.getFontName().contains("CJK TC")) {
                cjk = f;
            }
        }
        Assumptions.assumeTrue(cjk != null, "NOTICE: no Traditional Chinese face in the Noto CJK collection");
        try {
            processor.requireLanguages("chi_tra+eng");
        } catch (OcrException e) {
            Assumptions.abort("NOTICE: chi_tra not installed, lang=auto tests skipped: " + e.getMessage());
        }
    }

    private static BufferedImage page(Font font, String[] lines) {
        BufferedImage img = new BufferedImage(2000, 900, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font.deriveFont(54f));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 150, 250 + i * 110);
        }
        g.dispose();
        return img;
    }

    private static BufferedImage english() {
        return page(new Font(Font.SERIF, Font.PLAIN, 54), ENGLISH);
    }

    private static BufferedImage chinese() {
        return page(cjk, CHINESE);
    }

    /** A TIFF of the pages, one after another, declared at 300 dpi by the engine's default. */
    private Path tiff(String name, BufferedImage... pages) throws Exception {
        Path file = out.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage p : pages) {
                writer.writeToSequence(new IIOImage(p, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** Each page's text and the languages it was read with. */
    private record Read(List<String> texts, List<String> languages) {}

    private Read read(Path input, OcrOptions options, String base) throws Exception {
        processor.process(
                input,
                input.getFileName().toString(),
                options.withFormats(EnumSet.of(OutputFormat.JSON)),
                out,
                base,
                ProgressListener.NONE,
                CancellationToken.NEVER);
        JsonNode json = new ObjectMapper().readTree(out.resolve(base + ".json").toFile());
        List<String> texts = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (JsonNode p : json.path("pages")) {
            texts.add(p.path("text").asText());
            List<String> codes = new ArrayList<>();
            p.path("languages").forEach(c -> codes.add(c.asText()));
            languages.add(String.join("+", codes));
        }
        return new Read(texts, languages);
    }

    @Test
    void readsEachPageOfAMixedFileWithItsOwnScriptsLanguages() throws Exception {
        Path mixed = tiff("mixed.tiff", english(), chinese());
        Read auto = read(mixed, OcrOptions.defaults(), "auto");

        assertThat(auto.languages()).containsExactly("eng", "chi_tra+eng");
        assertThat(auto.texts().get(1)).contains("古籍修復展覽").doesNotContain("古 籍");
        Read english = read(tiff("en.tiff", english()), OcrOptions.defaults().withLanguages("eng"), "en");
        Read chinese = read(tiff("zh.tiff", chinese()), OcrOptions.defaults().withLanguages("chi_tra+eng"), "zh");
        assertThat(Cer.of(auto.texts().get(0), english.texts().get(0))).isLessThanOrEqualTo(0.005);
        assertThat(Cer.of(auto.texts().get(1), chinese.texts().get(0))).isLessThanOrEqualTo(0.005);
    }

    @Test
    void aNamedLanguageWinsOverDetection() throws Exception {
        Read named =
                read(tiff("zh-as-eng.tiff", chinese()), OcrOptions.defaults().withLanguages("eng"), "named");

        assertThat(named.languages()).containsExactly("eng");
    }

    @Test
    void theHanChoiceDecidesBetweenTraditionalAndSimplified() throws Exception {
        try {
            processor.requireLanguages("chi_sim");
        } catch (OcrException e) {
            Assumptions.abort("NOTICE: chi_sim not installed: " + e.getMessage());
        }
        Read simplified =
                read(tiff("zh-sim.tiff", chinese()), OcrOptions.defaults().withHanLanguage("chi_sim"), "sim");

        assertThat(simplified.languages()).containsExactly("chi_sim+eng");
    }
}
