package dev.toolocr.incident.stats;

import java.util.Arrays;

/**
 * Percentiles of whole-second durations by linear interpolation between the two nearest ranks: the
 * value at rank {@code p × (n − 1)} of the sorted sample, as PostgreSQL's {@code percentile_cont},
 * Excel's PERCENTILE.INC and NumPy's default compute it. The median of an even-sized sample is thus
 * the mean of its two middle values. Computed here rather than in SQL so that H2, PostgreSQL and
 * MariaDB (which has {@code PERCENTILE_CONT} only as a window function) give the same figures.
 */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    static Percentiles of(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code p}-th quantile ({@code 0 ≤ p ≤ 1}); null for an empty sample. */
    Double at(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("p must be within [0, 1]: " + p);
        }
        if (sorted.length == 0) {
            return null;
        }
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = rank - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
