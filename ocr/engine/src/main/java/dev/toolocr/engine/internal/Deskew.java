package dev.toolocr.engine.internal;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Measures and removes the small skew of a scanned or photographed page. Dark pixels are projected
 * onto rows under trial shears: when the shear matches the text lines' slope, rows alternate sharply
 * between ink and gaps, which maximises the sum of squared differences between neighbouring rows (the
 * differential-square-sum measure Leptonica also uses).
 */
final class Deskew {

    /** Scans rarely lean more than this; steeper pages are photos whose lines the search misses anyway. */
    static final double MAX_DEGREES = 10;

    /** Straightening by less than this changes nothing Tesseract would notice, but costs a resample. */
    static final double MIN_DEGREES = 0.2;

    /** The measure works on a reduced copy: enough rows to separate lines, cheap to project. */
    private static final int WORK_WIDTH = 1000;

    private static final int MAX_POINTS = 250_000;

    /** Fewer dark pixels than this is a blank or nearly blank page: nothing to measure. */
    private static final int MIN_POINTS = 400;

    /** The best shear must beat the unsheared projection by this factor to count as skew, not noise. */
    private static final double MIN_GAIN = 1.05;

    private Deskew() {}

    /**
     * The slope of the page's text lines in degrees, clockwise positive in image coordinates (a line
     * falling to the right is positive); 0 when the page shows no clear lines or leans less than
     * {@link #MIN_DEGREES}.
     */
    static double measure(BufferedImage gray) {
        int step = Math.max(1, (int) Math.ceil(gray.getWidth() / (double) WORK_WIDTH));
        int[][] points = darkPoints(gray, step);
        int[] xs = points[0];
        int[] ys = points[1];
        if (xs.length < MIN_POINTS) {
            return 0;
        }
        int rows = gray.getHeight() / step + 1;
        int cols = gray.getWidth() / step + 1;
        double zero = score(xs, ys, 0, rows, cols);
        double best = 0;
        double bestScore = zero;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += 0.5) {
            double s = score(xs, ys, a, rows, cols);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.5; a <= coarse + 0.5 + 1e-9; a += 0.05) {
            double s = score(xs, ys, a, rows, cols);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        if (bestScore < zero * MIN_GAIN || Math.abs(best) < MIN_DEGREES) {
            return 0;
        }
        return Math.round(best * 100) / 100.0;
    }

    /** Turns the page clockwise by {@code degrees} about its centre, keeping its size, white behind. */
    static BufferedImage rotate(BufferedImage gray, double degrees) {
        return Images.transform(gray, turn(gray.getWidth(), gray.getHeight(), degrees));
    }

    /** The clockwise turn about the centre of a {@code width}×{@code height} page. */
    static AffineTransform turn(int width, int height, double degrees) {
        return AffineTransform.getRotateInstance(Math.toRadians(degrees), width / 2.0, height / 2.0);
    }

    /**
     * Sum of squared differences between neighbouring row counts once each dark point is moved up by
     * its shear; the steeper the row profile, the better the lines align.
     */
    private static double score(int[] xs, int[] ys, double degrees, int rows, int cols) {
        double tan = Math.tan(Math.toRadians(degrees));
        int pad = (int) Math.ceil(Math.abs(tan) * cols) + 1;
        int[] hist = new int[rows + 2 * pad];
        for (int i = 0; i < xs.length; i++) {
            int row = (int) Math.round(ys[i] - xs[i] * tan) + pad;
            hist[row]++;
        }
        double sum = 0;
        for (int i = 1; i < hist.length; i++) {
            double d = hist[i] - hist[i - 1];
            sum += d * d;
        }
        return sum;
    }

    /**
     * Coordinates (in reduced units) of dark pixels. Dark means clearly below the page's mean
     * brightness, so grey paper and uneven light count as background.
     */
    private static int[][] darkPoints(BufferedImage gray, int step) {
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int w = gray.getWidth();
        int h = gray.getHeight();
        long total = 0;
        long n = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                total += px[y * w + x] & 0xFF;
                n++;
            }
        }
        int threshold = (int) (total / Math.max(1, n) * 0.6);
        long dark = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                if ((px[y * w + x] & 0xFF) < threshold) {
                    dark++;
                }
            }
        }
        // Every k-th dark point, so the sample stays under MAX_POINTS whatever the page's shape (a
        // wider column stride cannot thin a page taller than MAX_POINTS sampled rows).
        long keepEvery = Math.max(1, (dark + MAX_POINTS - 1) / MAX_POINTS);
        int count = (int) ((dark + keepEvery - 1) / keepEvery);
        int[] xs = new int[count];
        int[] ys = new int[count];
        int i = 0;
        long seen = 0;
        for (int y = 0; y < h && i < count; y += step) {
            for (int x = 0; x < w && i < count; x += step) {
                if ((px[y * w + x] & 0xFF) < threshold && seen++ % keepEvery == 0) {
                    xs[i] = x / step;
                    ys[i] = y / step;
                    i++;
                }
            }
        }
        return new int[][] {xs, ys};
    }
}
