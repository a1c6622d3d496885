package dev.toolocr.engine.cli;

import static dev.toolocr.engine.internal.FakeNpmRegistry.entries;
import static dev.toolocr.engine.internal.FakeNpmRegistry.fakeTrainedData;
import static dev.toolocr.engine.internal.FakeNpmRegistry.gzip;
import static dev.toolocr.engine.internal.FakeNpmRegistry.tgz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.engine.internal.FakeNpmRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrCliLanguageTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void fetchLanguagesInstallsFromTheConfiguredRegistry() throws Exception {
        Path tessdata = dir.resolve("tessdata");
        try (FakeNpmRegistry registry = new FakeNpmRegistry()) {
            registry.publish(
                    "deu", tgz(entries("package/4.0.0_best_int/deu.traineddata.gz", gzip(fakeTrainedData("d")))));

            int status = OcrCli.run(
                    new String[] {"--fetch-languages", "deu", "--tessdata", tessdata.toString()},
                    Map.of("TOOL_OCR_LANGUAGE_REGISTRY", registry.uri().toString()));

            assertThat(status).isZero();
        }
        assertThat(tessdata.resolve("deu.traineddata")).exists();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("deu: fetched @tesseract.js-data/deu 1.0.0 into " + tessdata.resolve("deu.traineddata"));
    }

    @Test
    void fetchLanguagesUnpacksAShippedLanguageWithoutAskingTheRegistry() throws Exception {
        Path tessdata = dir.resolve("tessdata");
        try (FakeNpmRegistry registry = new FakeNpmRegistry()) {
            int status = OcrCli.run(
                    new String[] {"--fetch-languages", "chi_tra", "--tessdata", tessdata.toString()},
                    Map.of("TOOL_OCR_LANGUAGE_REGISTRY", registry.uri().toString()));

            assertThat(status).isZero();
            assertThat(registry.requests()).isZero();
        }
        assertThat(tessdata.resolve("chi_tra.traineddata")).isNotEmptyFile();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("chi_tra: unpacked the copy that ships with the build into " + tessdata
                        + System.lineSeparator());
    }

    @Test
    void aFailedFetchIsOneLineAndExitStatusOne() throws Exception {
        try (FakeNpmRegistry registry = new FakeNpmRegistry()) {
            int status = OcrCli.run(
                    new String[] {"--fetch-languages", "klingon", "--tessdata", dir.toString()},
                    Map.of("TOOL_OCR_LANGUAGE_REGISTRY", registry.uri().toString()));

            assertThat(status).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("tool-ocr ocr: Language 'klingon' is not available: the registry has no package"
                        + " @tesseract.js-data/klingon." + System.lineSeparator());
    }

    @Test
    void aMissingLanguageIsReportedOnceBeforeAnyFile() throws Exception {
        Path a = Files.writeString(dir.resolve("a.png"), "not read");
        Path b = Files.writeString(dir.resolve("b.png"), "not read");

        int status = OcrCli.run(
                new String[] {a.toString(), b.toString(), "--lang", "eng+klingon", "--tessdata", dir.toString()},
                Map.of());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("tool-ocr ocr: Language 'klingon' is not installed; install it with 'sudo apt-get"
                        + " install tesseract-ocr-klingon', put klingon.traineddata in the directory named by"
                        + " TESSDATA_PREFIX, or fetch it with './tool-ocr ocr --fetch-languages klingon'.");
        // eng ships with the build: it was unpacked into the configured directory on the way.
        assertThat(dir.resolve("eng.traineddata")).isNotEmptyFile();
    }

    @Test
    void aLanguageListThatIsNotCodesIsAUsageError() {
        int status = OcrCli.run(new String[] {"--fetch-languages", "../../etc"}, Map.of());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tool-ocr ocr: languages must be");
    }
}
