package dev.toolocr.incident.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Figures checked against PostgreSQL's percentile_cont on the same samples. */
class PercentilesTest {

    @Test
    void anEvenSampleHasTheMeanOfItsMiddleValuesAsMedian() {
        Percentiles p = Percentiles.of(new long[] {600, 30, 240, 60, 180, 120});
        assertThat(p.at(0.5)).isEqualTo(150.0);
        // percentile_cont(0.9) within group (order by v) over (30, 60, 120, 180, 240, 600)
        assertThat(p.at(0.9)).isEqualTo(420.0);
        assertThat(p.at(0.0)).isEqualTo(30.0);
        assertThat(p.at(1.0)).isEqualTo(600.0);
    }

    @Test
    void anOddSampleHasItsMiddleValueAsMedian() {
        Percentiles p = Percentiles.of(new long[] {5, 1, 9});
        assertThat(p.at(0.5)).isEqualTo(5.0);
        assertThat(p.at(0.9)).isEqualTo(8.2, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void oneValueIsEveryPercentileAndNoValueIsNone() {
        assertThat(Percentiles.of(new long[] {42}).at(0.9)).isEqualTo(42.0);
        assertThat(Percentiles.of(new long[0]).at(0.5)).isNull();
        assertThat(Percentiles.of(new long[0]).count()).isZero();
    }

    @Test
    void theSampleGivenIsNotReordered() {
        long[] values = {3, 1, 2};
        Percentiles.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void aPercentileOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
