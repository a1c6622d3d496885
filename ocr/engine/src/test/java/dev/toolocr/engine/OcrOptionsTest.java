package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OcrOptionsTest {

    @Test
    void repeatedLanguagesCollapseKeepingTheirOrder() {
        assertThat(OcrOptions.defaults()
                        .withLanguages("chi_tra+eng+chi_tra+eng")
                        .languages())
                .isEqualTo("chi_tra+eng");
    }

    @Test
    void refusesLanguageCodesThatAreNotTesseracts() {
        assertThatThrownBy(() -> OcrOptions.defaults().withLanguages("../eng"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
