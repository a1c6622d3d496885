package dev.toolocr.engine.model;

import java.util.List;

/**
 * One page as recognised or extracted.
 *
 * @param textSource {@code ocr} or {@code pdf_text} (existing text layer extracted)
 * @param rotation degrees the page was turned before recognition
 * @param tables ruled tables found on the page; their words also stay in {@code blocks}
 * @param languages the Tesseract languages the page was recognised with, e.g. {@code chi_tra+eng};
 *     empty for text taken from the PDF's own layer
 */
public record PageResult(
        int number,
        int width,
        int height,
        int dpi,
        int rotation,
        double skew,
        String textSource,
        List<Block> blocks,
        List<Table> tables,
        String languages) {

    public record BBox(int x0, int y0, int x1, int y1) {}

    /**
     * @param spaceBefore whether the recogniser saw a space before this word on its line; what
     *     separates it from a CJK neighbour follows this (Latin words are always set apart)
     */
    public record Word(String text, BBox bbox, double confidence, boolean spaceBefore) {

        /** A word set apart from its neighbours, as Latin text is. */
        public Word(String text, BBox bbox, double confidence) {
            this(text, bbox, confidence, true);
        }
    }

    public record Line(BBox bbox, double confidence, List<Word> words) {
        public String text() {
            StringBuilder sb = new StringBuilder();
            Word previous = null;
            for (Word w : words) {
                if (previous != null && spaceBetween(previous, w)) {
                    sb.append(' ');
                }
                sb.append(w.text());
                previous = w;
            }
            return sb.toString();
        }

        /**
         * Whether a space separates two neighbouring words of a line. Tesseract reports each Chinese
         * or Japanese character as a word of its own; those scripts put no space between characters,
         * nor next to their own punctuation, whatever the recogniser says. Where a CJK run meets
         * Latin text, or between Hangul words (Korean does use spaces), the page decides, as the
         * recogniser saw it ({@link Word#spaceBefore}). Latin words are always set apart.
         */
        public static boolean spaceBetween(Word left, Word right) {
            String a = left.text();
            String b = right.text();
            if (a.isEmpty() || b.isEmpty()) {
                return false;
            }
            int last = a.codePointBefore(a.length());
            int first = b.codePointAt(0);
            if (!Script.cjk(last) && !Script.cjk(first)) {
                return true;
            }
            if (Script.closed(last) && Script.closed(first)
                    || Script.cjkPunctuation(last)
                    || Script.cjkPunctuation(first)) {
                return false;
            }
            // Punctuation standing alone next to Chinese or Japanese is theirs, read as its ASCII twin.
            if (Script.closed(last) && Script.punctuationOnly(b) || Script.closed(first) && Script.punctuationOnly(a)) {
                return false;
            }
            return right.spaceBefore();
        }

        /**
         * Joins two lines of one paragraph: a line break inside a Chinese or Japanese sentence is
         * not a space.
         */
        public static String join(String left, String right) {
            if (left.isEmpty() || right.isEmpty()) {
                return left + right;
            }
            int last = left.codePointBefore(left.length());
            int first = right.codePointAt(0);
            boolean tight = Script.closed(last) && Script.closed(first)
                    || Script.cjkPunctuation(last)
                    || Script.cjkPunctuation(first) && Script.cjk(last);
            return tight ? left + right : left + " " + right;
        }
    }

    /** Which characters belong to scripts written without spaces between words. */
    private static final class Script {

        private Script() {}

        /** Han, kana, Hangul, Bopomofo and CJK punctuation or fullwidth forms. */
        static boolean cjk(int c) {
            return closed(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
        }

        /** Characters written with no space between them: Han, kana, Bopomofo, CJK punctuation and forms. */
        static boolean closed(int c) {
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            return s == Character.UnicodeScript.HAN
                    || s == Character.UnicodeScript.HIRAGANA
                    || s == Character.UnicodeScript.KATAKANA
                    || s == Character.UnicodeScript.BOPOMOFO
                    || cjkBlock(c);
        }

        static boolean punctuationOnly(String text) {
            return text.codePoints().noneMatch(Character::isLetterOrDigit);
        }

        /** Ideographic punctuation and fullwidth signs, which carry their own spacing in the glyph. */
        static boolean cjkPunctuation(int c) {
            return cjkBlock(c) && !Character.isLetterOrDigit(c);
        }

        /** Symbols, punctuation and fullwidth forms made to sit in CJK text (the kana length mark too). */
        private static boolean cjkBlock(int c) {
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                    || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                    || block == Character.UnicodeBlock.VERTICAL_FORMS
                    || c == 0x30FC;
        }
    }

    public record Block(BBox bbox, double confidence, List<Line> lines) {}

    /** A ruled grid; {@code rows.get(0)} is the top row, each row lists its cells left to right. */
    public record Table(BBox bbox, List<List<Cell>> rows) {}

    /**
     * One grid cell with the words whose centre lies inside it, in reading order. Where cells are
     * merged (no rule between them) the first one holds the text and a box over the whole merged
     * region; the others are empty.
     */
    public record Cell(BBox bbox, String text) {}

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            for (Line l : b.lines()) {
                sb.append(l.text()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }
}
