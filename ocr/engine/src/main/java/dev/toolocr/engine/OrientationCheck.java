package dev.toolocr.engine;

import dev.toolocr.engine.model.PageResult;

/**
 * Decides from a page recognised as it came whether its orientation needs checking. Most pages come
 * upright, and the orientation check costs a good part of a recognition, so it runs only when the
 * result gives reason: upside-down text reads back at low confidence (about 0.2 to 0.35 against 0.9
 * and more upright), and sideways text, which Tesseract may read as it is, comes out as lines taller
 * than they are wide.
 */
final class OrientationCheck {

    /** Character-weighted word confidence below which a page is suspected to be turned. */
    static final double MIN_CONFIDENCE = 0.6;

    /** How much lower a turned page's confidence may be and still be preferred to the page as it came. */
    static final double TOLERANCE = 0.1;

    /** Too little text to judge, and too little for the orientation check to be sure either. */
    static final int MIN_CHARACTERS = 20;

    private OrientationCheck() {}

    /**
     * Confidence below which a page read in the fallback language was likely written in another
     * script: English pages, noisy ones included, score above 0.8, a Chinese page read as English
     * about 0.5.
     */
    static final double MISREAD_CONFIDENCE = 0.7;

    /** Enough text, read at a confidence that suggests the wrong language. */
    static boolean misread(PageResult page) {
        return characters(page) >= MIN_CHARACTERS && confidence(page) < MISREAD_CONFIDENCE;
    }

    private static int characters(PageResult page) {
        int chars = 0;
        for (PageResult.Block block : page.blocks()) {
            for (PageResult.Line line : block.lines()) {
                for (PageResult.Word word : line.words()) {
                    chars += word.text().length();
                }
            }
        }
        return chars;
    }

    static boolean doubtful(PageResult page) {
        int chars = 0;
        int tall = 0;
        int wide = 0;
        for (PageResult.Block block : page.blocks()) {
            for (PageResult.Line line : block.lines()) {
                int length = 0;
                for (PageResult.Word word : line.words()) {
                    length += word.text().length();
                }
                chars += length;
                PageResult.BBox box = line.bbox();
                if (length >= 3) {
                    if (box.y1() - box.y0() > box.x1() - box.x0()) {
                        tall += length;
                    } else {
                        wide += length;
                    }
                }
            }
        }
        return chars >= MIN_CHARACTERS && (confidence(page) < MIN_CONFIDENCE || tall > wide);
    }

    /** Mean word confidence weighted by word length; 0 for a page without words. */
    static double confidence(PageResult page) {
        double sum = 0;
        int chars = 0;
        for (PageResult.Block block : page.blocks()) {
            for (PageResult.Line line : block.lines()) {
                for (PageResult.Word word : line.words()) {
                    sum += word.confidence() * word.text().length();
                    chars += word.text().length();
                }
            }
        }
        return chars == 0 ? 0 : sum / chars;
    }
}
