package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrProcessorTest {

    static final OcrProcessor processor = SharedProcessor.get();

    @TempDir
    Path out;

    @Test
    void recognisesLinnCloseToItsGroundTruthInEveryFormat() throws Exception {
        AtomicInteger lastProgress = new AtomicInteger();
        OcrRun run = processor.process(
                TestCorpus.file("linn.png"),
                "linn.png",
                OcrOptions.defaults(),
                out,
                "linn",
                (done, total) -> lastProgress.set(done),
                CancellationToken.NEVER);

        assertThat(run.pages()).isEqualTo(1);
        assertThat(lastProgress.get()).isEqualTo(1);
        assertThat(run.outputs()).containsOnlyKeys(EnumSet.allOf(OutputFormat.class));
        String text = Files.readString(out.resolve("linn.txt"));
        String truth = Files.readString(TestCorpus.file("linn.txt"));
        assertThat(Cer.of(text, truth)).isLessThan(0.10);

        JsonNode json = new ObjectMapper().readTree(out.resolve("linn.json").toFile());
        assertThat(json.path("schema_version").asText()).isEqualTo("1.1");
        JsonNode word = json.at("/pages/0/blocks/0/lines/0/words/0");
        assertThat(word.path("text").asText()).isNotBlank();
        assertThat(word.at("/bbox/x1").asInt())
                .isGreaterThan(word.at("/bbox/x0").asInt());
        assertThat(word.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readString(out.resolve("linn.md"))).contains("LinnSequencer");

        try (PDDocument pdf = Loader.loadPDF(out.resolve("linn.pdf").toFile())) {
            String layer = new PDFTextStripper().getText(pdf);
            assertThat(Cer.of(layer, text)).isLessThan(0.05);
        }
    }

    @Test
    void extractsBornDigitalPdfTextInsteadOfOcr() throws Exception {
        OcrRun run = processor.process(
                TestCorpus.file("francais.pdf"),
                "francais.pdf",
                OcrOptions.defaults().withFormats(EnumSet.of(OutputFormat.JSON)),
                out,
                "fr",
                ProgressListener.NONE,
                CancellationToken.NEVER);

        JsonNode json =
                new ObjectMapper().readTree(run.outputs().get(OutputFormat.JSON).toFile());
        assertThat(json.at("/pages/0/text_source").asText()).isIn("pdf_text", "ocr");
        assertThat(json.at("/pages/0/text").asText()).isNotBlank();
    }

    @Test
    void cancellationStopsAndLeavesNoOutputs() {
        assertThatThrownBy(() -> processor.process(
                        TestCorpus.file("linn.png"),
                        "linn.png",
                        OcrOptions.defaults(),
                        out,
                        "linn",
                        ProgressListener.NONE,
                        () -> true))
                .isInstanceOf(OcrCancelledException.class);
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void refusesDecompressionBombFromItsHeaderAlone() throws Exception {
        Path bomb = out.resolve("bomb.png");
        Files.write(bomb, pngHeaderOnly(35_000, 35_000));

        assertThatThrownBy(() -> processor.process(
                        bomb,
                        "bomb.png",
                        OcrOptions.defaults(),
                        out,
                        "bomb",
                        ProgressListener.NONE,
                        CancellationToken.NEVER))
                .isInstanceOfSatisfying(OcrException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_PIXELS);
                    assertThat(e.getMessage()).contains("35000×35000");
                });
    }

    @Test
    void missingLanguageIsNamedWithHowToInstallIt() {
        assertThatThrownBy(() -> processor.process(
                        TestCorpus.file("linn.png"),
                        "linn.png",
                        OcrOptions.defaults().withLanguages("eng+klingon"),
                        out,
                        "linn",
                        ProgressListener.NONE,
                        CancellationToken.NEVER))
                .isInstanceOfSatisfying(OcrException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LANGUAGE_NOT_INSTALLED);
                    assertThat(e.getMessage()).contains("'klingon'").contains("tesseract-ocr-klingon");
                });
    }

    @Test
    void truncatedPdfFailsWithOneClearSentence() throws Exception {
        Path truncated = out.resolve("truncated.pdf");
        byte[] full = Files.readAllBytes(TestCorpus.file("skew.pdf"));
        Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 3));

        assertThatThrownBy(() -> processor.process(
                        truncated,
                        "t.pdf",
                        OcrOptions.defaults(),
                        out.resolve("o"),
                        "t",
                        ProgressListener.NONE,
                        CancellationToken.NEVER))
                .isInstanceOf(OcrException.class)
                .hasMessageNotContaining("/")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void scanWhoseImagesWereCutOffFailsInsteadOfComingOutBlank() throws Exception {
        // The first 5 kB of the 6-page scan: PDFBox repairs the page tree, but the scans are gone.
        Path truncated = out.resolve("cut.pdf");
        byte[] full = Files.readAllBytes(TestCorpus.file("multipage.pdf"));
        Files.write(truncated, java.util.Arrays.copyOf(full, 5000));
        Path results = out.resolve("cut");

        assertThatThrownBy(() -> processor.process(
                        truncated,
                        "cut.pdf",
                        OcrOptions.defaults(),
                        results,
                        "cut",
                        ProgressListener.NONE,
                        CancellationToken.NEVER))
                .isInstanceOf(OcrException.class)
                .hasMessage("Page 1 draws an image that is missing from the file; the PDF is damaged or truncated.")
                .satisfies(e -> assertThat(((OcrException) e).code()).isEqualTo(ErrorCode.CORRUPT_FILE));
        assertThat(results)
                .satisfiesAnyOf(
                        dir -> assertThat(dir).doesNotExist(),
                        dir -> assertThat(dir).isEmptyDirectory());
    }

    /** A PNG signature and IHDR chunk declaring the given size, with no image data behind it. */
    private static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeBytes("IHDR");
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(1);
        h.writeByte(0);
        h.writeByte(0);
        h.writeByte(0);
        h.writeByte(0);
        byte[] chunk = ihdr.toByteArray();
        out.writeInt(chunk.length - 4);
        out.write(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
