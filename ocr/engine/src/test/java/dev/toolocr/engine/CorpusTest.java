package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every document in the OCRmyPDF corpus either produces all outputs or fails with one clear
 * sentence, within 60 seconds, without taking the JVM down.
 */
class CorpusTest {

    private static final List<String> DOCUMENT_SUFFIXES =
            List.of(".pdf", ".png", ".jpg", ".tif", ".tiff", ".gif", ".bmp", ".webp");

    static final OcrProcessor processor = SharedProcessor.get();

    @TempDir
    static Path out;

    @TestFactory
    Stream<DynamicTest> everyCorpusFileProcessesOrFailsCleanly() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(TestCorpus.dir())) {
            files = listing.filter(p -> DOCUMENT_SUFFIXES.stream()
                            .anyMatch(s -> p.toString().toLowerCase().endsWith(s)))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String base = file.getFileName().toString().replace('.', '_');
                    Path dir = out.resolve(base);
                    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                        try {
                            OcrRun run = processor.process(
                                    file,
                                    file.getFileName().toString(),
                                    OcrOptions.defaults().withLimits(100_000_000L, 50),
                                    dir,
                                    base,
                                    ProgressListener.NONE,
                                    CancellationToken.NEVER);
                            assertThat(run.outputs().keySet()).isEqualTo(EnumSet.allOf(OutputFormat.class));
                            for (Path output : run.outputs().values()) {
                                assertThat(output).isRegularFile();
                            }
                        } catch (OcrException e) {
                            assertThat(e.getMessage())
                                    .doesNotContain("\n")
                                    .doesNotContain("Exception")
                                    .doesNotContain(out.toString());
                            if (Files.isDirectory(dir)) {
                                try (Stream<Path> left = Files.list(dir)) {
                                    assertThat(left)
                                            .as("no half-written outputs")
                                            .isEmpty();
                                }
                            }
                        }
                    });
                }));
    }
}
