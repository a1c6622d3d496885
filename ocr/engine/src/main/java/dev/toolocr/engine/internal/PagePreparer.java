package dev.toolocr.engine.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

/**
 * Makes a page ready for recognition, whatever the engine: grey, at least {@link #TARGET_DPI} when it
 * came in lower, bilevel scans softened, evenly lit, turned upright and straightened. Results are reported in the prepared page's
 * coordinates. Thread-safe.
 */
public final class PagePreparer implements AutoCloseable {

    /** Below this, small print has too few pixels per stroke for reliable recognition. */
    static final int MIN_DPI = 200;

    static final int TARGET_DPI = 300;

    /** Orientation is judged on a copy reduced to about this resolution: as reliable, much faster. */
    private static final int OSD_DPI = 150;

    /**
     * A page after preparation.
     *
     * @param rotation clockwise degrees (0, 90, 180, 270) the page was turned to stand upright
     * @param skew clockwise degrees it was then turned to straighten its lines
     * @param script the page's main script as Tesseract names it ({@code Latin}, {@code Han}, ...);
     *     null when orientation was not detected or the script was unclear
     */
    public record Prepared(BufferedImage image, int dpi, int rotation, double skew, String script) {}

    private final OrientationDetector orientation;

    public PagePreparer(Path tessdata) {
        this.orientation = new OrientationDetector(tessdata);
    }

    /**
     * @param maxPixels upscaling never makes the page larger than this
     */
    public Prepared prepare(BufferedImage source, int dpi, long maxPixels) {
        return prepare(source, dpi, maxPixels, true);
    }

    /** Starts loading orientation detection in the background, for pages that will all need it. */
    public void warmUp() {
        orientation.warm();
    }

    /** False when orientation data is missing: every page is then taken as upright. */
    public boolean detectsOrientation() {
        return orientation.available();
    }

    /**
     * @param maxPixels upscaling never makes the page larger than this
     * @param detectOrientation false takes the page as upright, saving the orientation check, which
     *     costs a good part of a recognition
     */
    public Prepared prepare(BufferedImage source, int dpi, long maxPixels, boolean detectOrientation) {
        BufferedImage gray = Images.toGray(source);
        int effectiveDpi = dpi;
        if (dpi < MIN_DPI) {
            double factor = TARGET_DPI / (double) dpi;
            long pixels = (long) (gray.getWidth() * factor) * (long) (gray.getHeight() * factor);
            if (pixels <= maxPixels) {
                gray = scale(gray, factor);
                effectiveDpi = TARGET_DPI;
            }
        }
        if (effectiveDpi == dpi && Images.isBilevel(gray)) {
            // Tesseract's recogniser was trained on anti-aliased text: the hard steps of a bilevel
            // scan cost it letters (T read as I, bullets as e), softened edges do not (upscaling
            // already softens them).
            gray = Images.smooth(gray);
        }
        gray = Illumination.flatten(gray, effectiveDpi);
        boolean reduce = effectiveDpi > OSD_DPI * 1.25;
        OrientationDetector.Osd osd = !detectOrientation
                ? OrientationDetector.Osd.NONE
                : orientation.detect(
                        reduce ? scale(gray, OSD_DPI / (double) effectiveDpi) : gray, reduce ? OSD_DPI : effectiveDpi);
        int rotation = osd.turn();
        if (rotation != 0) {
            gray = turnQuarter(gray, rotation);
        }
        double slope = Deskew.measure(gray);
        double skew = 0;
        if (slope != 0) {
            skew = -slope;
            gray = Deskew.rotate(gray, skew);
        }
        return new Prepared(gray, effectiveDpi, rotation, skew, osd.script());
    }

    /** Turns a grey page clockwise by a multiple of 90 degrees, exactly, pixel by pixel. */
    static BufferedImage turnQuarter(BufferedImage gray, int degrees) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        boolean swap = degrees == 90 || degrees == 270;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int ow = out.getWidth();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int target = switch (degrees) {
                    case 90 -> x * ow + (h - 1 - y);
                    case 180 -> (h - 1 - y) * ow + (w - 1 - x);
                    case 270 -> (w - 1 - x) * ow + y;
                    default -> row + x;
                };
                dst[target] = src[row + x];
            }
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage gray, double factor) {
        return Images.scale(gray, factor);
    }

    @Override
    public void close() {
        orientation.close();
    }
}
