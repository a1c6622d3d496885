package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.platform.web.ApiException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TaskOptionsTest {

    @Test
    void parsesRequestValuesAndRoundTripsThroughCanonicalJson() {
        TaskOptions options = TaskOptions.from(TaskOptions.DEFAULTS, "eng+chi_tra", "tesseract", "md,pdf", "force");

        assertThat(options.formats()).isEqualTo(EnumSet.of(ResultFormat.MARKDOWN, ResultFormat.PDF));
        assertThat(options.toJson())
                .isEqualTo(
                        "{\"engine\":\"tesseract\",\"formats\":[\"markdown\",\"pdf\"],\"lang\":\"eng+chi_tra\",\"pdf_mode\":\"force\"}");
        assertThat(TaskOptions.fromJson(options.toJson())).isEqualTo(options);
    }

    @Test
    void sameChoicesInAnotherOrderGiveTheSameJson() {
        assertThat(TaskOptions.from(TaskOptions.DEFAULTS, null, null, "pdf,json", null)
                        .toJson())
                .isEqualTo(TaskOptions.from(TaskOptions.DEFAULTS, null, null, "json,pdf", null)
                        .toJson());
    }

    @Test
    void rejectsInjectionInLanguageAndUnknownFormats() {
        assertThatThrownBy(() -> TaskOptions.from(TaskOptions.DEFAULTS, "eng;rm -rf", null, null, null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("lang");
        assertThatThrownBy(() -> TaskOptions.from(TaskOptions.DEFAULTS, null, null, "docx", null))
                .hasMessageContaining("formats");
        assertThatThrownBy(() -> TaskOptions.from(TaskOptions.DEFAULTS, null, "paddle", null, null))
                .hasMessageContaining("engine");
    }
}
