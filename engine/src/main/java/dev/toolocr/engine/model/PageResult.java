package dev.toolocr.engine.model;

import java.util.List;

/**
 * One page as recognised or extracted.
 *
 * @param textSource {@code ocr} or {@code pdf_text} (existing text layer extracted)
 * @param rotation degrees the page was turned before recognition
 */
public record PageResult(
        int number, int width, int height, int dpi, int rotation, double skew, String textSource, List<Block> blocks) {

    public record BBox(int x0, int y0, int x1, int y1) {}

    public record Word(String text, BBox bbox, double confidence) {}

    public record Line(BBox bbox, double confidence, List<Word> words) {
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Word w : words) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(w.text());
            }
            return sb.toString();
        }
    }

    public record Block(BBox bbox, double confidence, List<Line> lines) {}

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
