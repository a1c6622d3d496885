package dev.toolocr.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateParamTest {

    @Test
    void readsABareDayAsAUtcDayWithAnExclusiveEnd() {
        assertThat(DateParam.parse("2026-11-22", false, "date_from")).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(DateParam.parse("2026-11-22", true, "date_to")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void readsTimestampsWithOffsetsSoThatALocalDayCanBeAsked() {
        assertThat(DateParam.parse("2026-11-22T00:00:00+08:00", false, "date_from"))
                .isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
        assertThat(DateParam.parse("2026-11-22T15:59:59.999Z", true, "date_to"))
                .as("a timestamp end includes its own instant")
                .isEqualTo(Instant.parse("2026-11-22T15:59:59.999001Z"));
        assertThat(DateParam.parse("  ", false, "date_from")).isNull();
    }

    @Test
    void namesTheParameterWhenItCannotBeRead() {
        assertThatThrownBy(() -> DateParam.parse("yesterday", true, "date_to"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("date_to must be a date");
    }
}
