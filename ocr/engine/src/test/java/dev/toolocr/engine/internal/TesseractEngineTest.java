package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.model.PageResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TesseractEngineTest {

    @Test
    void aPagePastItsTimeLimitIsGivenUpAndTheInstanceServesTheNextPage() throws Exception {
        try (TesseractEngine engine = new TesseractEngine(Tessdata.locate(System.getenv()))) {
            assertThatThrownBy(() -> engine.recognise(DeskewTest.textPage(0), 300, "eng", Duration.ofMillis(1)))
                    .isInstanceOf(OcrException.class)
                    .satisfies(e -> assertThat(((OcrException) e).code()).isEqualTo(ErrorCode.PAGE_TIMEOUT));

            // The same pooled instance, cleared, reads a page normally afterwards.
            PageResult page = engine.recognise(DeskewTest.textPage(0), 300, "eng", Duration.ofMinutes(2));
            assertThat(page.blocks()).isNotEmpty();
        }
    }
}
