package dev.toolocr.engine.model;

import java.util.List;

/**
 * One page as recognised or extracted.
 *
 * @param textSource {@code ocr} or {@code pdf_text} (existing text layer extracted)
 * @param rotation degrees the page was turned before recognition
 * @param tables ruled tables found on the page; their words also stay in {@code blocks}
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
        List<Table> tables) {

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
