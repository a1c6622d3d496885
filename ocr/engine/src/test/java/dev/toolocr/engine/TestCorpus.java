package dev.toolocr.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The OCRmyPDF test documents in ../shared/corpus (never copied into this repository). */
final class TestCorpus {

    private TestCorpus() {}

    static Path dir() {
        Path dir = Path.of(System.getProperty("toolocr.corpus", "../../../shared/corpus/ocrmypdf"));
        if (!Files.isDirectory(dir)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but the corpus is missing at " + dir.toAbsolutePath());
            }
            Assumptions.abort("NOTICE: corpus not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    static Path file(String name) {
        return dir().resolve(name);
    }
}
