package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.tesseract.global.tesseract.PSM_AUTO;

import org.bytedeco.tesseract.TessBaseAPI;
import org.junit.jupiter.api.Test;

class TesseractPoolTest {

    @Test
    void keepsNoMoreIdleInstancesThanItsLimitWhateverCombinationsCallersAskFor() {
        try (TesseractPool pool = new TesseractPool(Tessdata.locate(System.getenv()), PSM_AUTO, 2)) {
            TessBaseAPI a = pool.borrow("eng");
            TessBaseAPI b = pool.borrow("eng");
            TessBaseAPI osd = pool.borrow("osd");
            pool.giveBack("eng", a);
            pool.giveBack("eng", b);
            pool.giveBack("osd", osd);

            assertThat(pool.idleCount()).isEqualTo(2);
            // The oldest (a) was ended; the newest of each kind is handed out again.
            assertThat(pool.borrow("osd")).isSameAs(osd);
            assertThat(pool.borrow("eng")).isSameAs(b);
            assertThat(pool.idleCount()).isZero();
        }
    }
}
