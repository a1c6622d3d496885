package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.engine.internal.Sniffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnifferTest {

    @TempDir
    Path tmp;

    @Test
    void recognisesTypesByContentNotByName() throws Exception {
        Path pngNamedPdf = tmp.resolve("scan.pdf");
        Files.copy(TestCorpus.file("linn.png"), pngNamedPdf);

        assertThat(Sniffer.sniff(pngNamedPdf)).isEqualTo(DetectedType.PNG);
        assertThat(Sniffer.sniff(TestCorpus.file("baiona_color.jpg"))).isEqualTo(DetectedType.JPEG);
        assertThat(Sniffer.sniff(TestCorpus.file("skew.pdf"))).isEqualTo(DetectedType.PDF);
    }

    @Test
    void refusesRandomBytesAndEmptyFiles() throws Exception {
        Path random = tmp.resolve("photo.png");
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0x13;
        Files.write(random, bytes);
        Path empty = Files.createFile(tmp.resolve("empty.png"));

        assertThatThrownBy(() -> Sniffer.sniff(random))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> Sniffer.sniff(empty))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EMPTY_FILE));
    }
}
