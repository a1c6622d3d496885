package dev.toolocr.engine.internal;

import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts back together lines that Tesseract's column finding split apart. On a receipt, a price list
 * or a form, labels on the left and right-aligned values leave a wide gap that page segmentation
 * takes for a gutter: the labels become one block, the values another, and every label comes out
 * before every value. Such "columns" are a key–value layout, told from real text columns by two
 * things together: their lines pair up on shared baselines, and one side holds short lines (a word
 * or three), where a column of prose holds full ones. Their lines, and side-by-side lines inside
 * one block, are joined into one line per baseline.
 */
public final class LineLayout {

    /** Median words per line at most on one side: labels or values, not prose. */
    static final int MAX_SHORT_WORDS = 3;

    /** Median words at most of the other side's paired lines: a label, not a line of prose beside a note. */
    static final int MAX_PAIRED_WORDS = 5;

    private LineLayout() {}

    /** The blocks with key–value columns joined and each block's side-by-side lines made one. */
    public static List<Block> rows(List<Block> blocks) {
        int n = blocks.size();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (keyValue(blocks.get(i), blocks.get(j))) {
                    TableDetector.union(group, i, j);
                }
            }
        }
        List<Block> out = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (done[i]) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (int j = i; j < n; j++) {
                if (TableDetector.find(group, j) == TableDetector.find(group, i)) {
                    lines.addAll(blocks.get(j).lines());
                    done[j] = true;
                }
            }
            List<Line> joined = joinRows(lines);
            Block original = blocks.get(i);
            out.add(
                    joined.equals(original.lines())
                            ? original
                            : new Block(
                                    TesseractEngine.union(
                                            joined.stream().map(Line::bbox).toList()),
                                    meanConfidence(joined),
                                    List.copyOf(joined)));
        }
        return List.copyOf(out);
    }

    /**
     * Whether two blocks stand side by side as the halves of key–value lines: at least two of their
     * lines (one, if a block has only one) pair up on shared baselines, one block's lines are short,
     * and so are the other's lines that pair with them.
     */
    static boolean keyValue(Block a, Block b) {
        if (a.lines().isEmpty() || b.lines().isEmpty()) {
            return false;
        }
        List<Line> pairedA = paired(a, b);
        List<Line> pairedB = paired(b, a);
        int needed = Math.min(2, Math.min(a.lines().size(), b.lines().size()));
        if (pairedA.size() < needed || pairedB.size() < needed) {
            return false;
        }
        return medianWords(a.lines()) <= MAX_SHORT_WORDS && medianWords(pairedB) <= MAX_PAIRED_WORDS
                || medianWords(b.lines()) <= MAX_SHORT_WORDS && medianWords(pairedA) <= MAX_PAIRED_WORDS;
    }

    /** {@code a}'s lines that share a baseline with one of {@code b}'s, side by side. */
    private static List<Line> paired(Block a, Block b) {
        List<Line> out = new ArrayList<>();
        for (Line la : a.lines()) {
            for (Line lb : b.lines()) {
                if (sameBaseline(la.bbox(), lb.bbox()) && apart(la.bbox(), lb.bbox())) {
                    out.add(la);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Lines side by side on one baseline: their vertical extents overlap by most of the smaller
     * height, and their middles lie within half a height of each other (a tall and a short line
     * merely touching do not count).
     */
    static boolean sameBaseline(BBox a, BBox b) {
        int ha = a.y1() - a.y0();
        int hb = b.y1() - b.y0();
        int overlap = Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0());
        double middles = Math.abs((a.y0() + a.y1()) - (b.y0() + b.y1())) / 2.0;
        int smaller = Math.min(ha, hb);
        return smaller > 0 && overlap >= 0.6 * smaller && middles <= 0.5 * Math.max(ha, hb);
    }

    /** Lines top to bottom, those on one baseline that do not overlap side to side joined left to right. */
    private static List<Line> joinRows(List<Line> lines) {
        List<List<Line>> rows = new ArrayList<>();
        List<Line> byTop = new ArrayList<>(lines);
        byTop.sort(Comparator.comparingInt((Line l) -> l.bbox().y0() + l.bbox().y1()));
        for (Line line : byTop) {
            List<Line> home = null;
            for (List<Line> row : rows) {
                if (row.stream().allMatch(o -> sameBaseline(o.bbox(), line.bbox()) && apart(o.bbox(), line.bbox()))) {
                    home = row;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                rows.add(home);
            }
            home.add(line);
        }
        // A block's own lines keep Tesseract's order; only joined rows are rebuilt.
        if (rows.size() == lines.size()) {
            return lines;
        }
        rows.sort(Comparator.comparingInt(
                row -> row.stream().mapToInt(l -> l.bbox().y0()).min().orElse(0)));
        List<Line> out = new ArrayList<>();
        for (List<Line> row : rows) {
            if (row.size() == 1) {
                out.add(row.get(0));
                continue;
            }
            row.sort(Comparator.comparingInt(l -> l.bbox().x0()));
            List<Word> words = new ArrayList<>();
            row.forEach(l -> words.addAll(l.words()));
            out.add(new Line(
                    TesseractEngine.union(row.stream().map(Line::bbox).toList()),
                    meanConfidence(row),
                    List.copyOf(words)));
        }
        return out;
    }

    private static boolean apart(BBox a, BBox b) {
        return a.x1() <= b.x0() || b.x1() <= a.x0();
    }

    private static double medianWords(List<Line> lines) {
        int[] counts = lines.stream().mapToInt(l -> l.words().size()).sorted().toArray();
        return counts[counts.length / 2];
    }

    private static double meanConfidence(List<Line> lines) {
        double sum = 0;
        for (Line l : lines) {
            sum += l.confidence();
        }
        return lines.isEmpty() ? 0 : Math.round(sum / lines.size() * 1000) / 1000.0;
    }
}
