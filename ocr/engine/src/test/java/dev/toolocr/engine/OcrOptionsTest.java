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

    @Test
    void detectsTheLanguageUnlessOneIsNamed() {
        assertThat(OcrOptions.defaults().languages()).isEqualTo(OcrOptions.AUTO);
        assertThat(OcrOptions.defaults().autoLanguages()).isTrue();
        assertThat(OcrOptions.defaults().withLanguages("eng").autoLanguages()).isFalse();
    }

    @Test
    void readsEachDetectedScriptWithItsLanguageAndEnglishForTheLatinRunsInIt() {
        OcrOptions auto = OcrOptions.defaults();
        assertThat(auto.forScript("Han")).isEqualTo("chi_tra+eng");
        assertThat(auto.withHanLanguage("chi_sim").forScript("Han")).isEqualTo("chi_sim+eng");
        assertThat(auto.forScript("Japanese")).isEqualTo("jpn+eng");
        assertThat(auto.forScript("Korean")).isEqualTo("kor+eng");
        assertThat(auto.forScript("Cyrillic")).isEqualTo("rus+eng");
        assertThat(auto.forScript("Latin")).isEqualTo("eng");
        assertThat(auto.forScript(null)).isEqualTo("eng");
    }

    @Test
    void refusesAutoMixedWithNamedLanguagesAndHanChoicesOtherThanChinese() {
        assertThatThrownBy(() -> OcrOptions.defaults().withLanguages("auto+eng"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcrOptions.defaults().withHanLanguage("jpn"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
