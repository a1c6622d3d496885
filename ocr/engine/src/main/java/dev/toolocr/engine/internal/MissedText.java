package dev.toolocr.engine.internal;

import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds ink that page segmentation left out. Tesseract's column finding drops narrow columns of short
 * words, such as the right-aligned prices of a receipt, altogether: they never reach recognition.
 * The page is cut into small cells; cells holding some ink (not solid dark, which is background)
 * that no recognised word covers are grouped, and groups of a text line's height become regions to
 * read again as a single block. Rules, borders and specks do not have that shape and are left out.
 */
final class MissedText {

    /** More regions than this is a pattern or a noisy page, not text that was missed. */
    static final int MAX_REGIONS = 24;

    private MissedText() {}

    /** Regions worth reading again, top to bottom; empty when the page has no words to measure by. */
    static List<Rectangle> regions(BufferedImage page, int dpi, List<Block> blocks) {
        List<Integer> heights = new ArrayList<>();
        for (Block b : blocks) {
            for (Line l : b.lines()) {
                for (Word w : l.words()) {
                    heights.add(w.bbox().y1() - w.bbox().y0());
                }
            }
        }
        if (heights.size() < 3) {
            return List.of();
        }
        heights.sort(Integer::compare);
        int wordHeight = heights.get(heights.size() / 2);
        BufferedImage gray = Images.toGray(page);
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int threshold = TableDetector.otsu(px);
        int cell = Math.max(4, Math.min(dpi / 30, wordHeight / 3));
        int cols = (w + cell - 1) / cell;
        int rows = (h + cell - 1) / cell;
        int[] dark = new int[cols * rows];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int base = (y / cell) * cols;
            for (int x = 0; x < w; x++) {
                if ((px[row + x] & 0xff) < threshold) {
                    dark[base + x / cell]++;
                }
            }
        }
        boolean[] covered = new boolean[cols * rows];
        for (Block b : blocks) {
            for (Line l : b.lines()) {
                for (Word word : l.words()) {
                    BBox box = word.bbox();
                    int bh = box.y1() - box.y0();
                    mark(
                            covered,
                            cols,
                            rows,
                            cell,
                            box.x0() - bh / 2,
                            box.y0() - bh / 4,
                            box.x1() + bh / 2,
                            box.y1() + bh / 4);
                }
            }
        }
        int area = cell * cell;
        boolean[] ink = new boolean[cols * rows];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = !covered[i] && dark[i] >= 0.04 * area && dark[i] <= 0.7 * area;
        }
        List<Rectangle> found = new ArrayList<>();
        boolean[] seen = new boolean[ink.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) {
                continue;
            }
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1, count = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int c = queue.poll();
                int cx = c % cols;
                int cy = c / cols;
                minX = Math.min(minX, cx);
                maxX = Math.max(maxX, cx);
                minY = Math.min(minY, cy);
                maxY = Math.max(maxY, cy);
                count++;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = cx + dx;
                        int ny = cy + dy;
                        if (nx >= 0 && ny >= 0 && nx < cols && ny < rows) {
                            int n = ny * cols + nx;
                            if (ink[n] && !seen[n]) {
                                seen[n] = true;
                                queue.add(n);
                            }
                        }
                    }
                }
            }
            int rw = (maxX - minX + 1) * cell;
            int rh = (maxY - minY + 1) * cell;
            // A text line's height, at least a narrow digit's width, well short of the page's width.
            if (count >= 2
                    && rh >= 0.5 * wordHeight
                    && rh <= 2.5 * wordHeight
                    && rw >= 0.4 * wordHeight
                    && rw < w / 2) {
                found.add(new Rectangle(minX * cell, minY * cell, rw, rh));
            }
        }
        List<Rectangle> merged = stack(found, wordHeight);
        if (merged.size() > MAX_REGIONS) {
            return List.of();
        }
        int pad = wordHeight / 3;
        return merged.stream()
                .map(r -> new Rectangle(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad)
                        .intersection(new Rectangle(0, 0, w, h)))
                .toList();
    }

    /** Joins regions one above the other in one column (a list of prices) into one region. */
    private static List<Rectangle> stack(List<Rectangle> regions, int wordHeight) {
        List<Rectangle> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingInt(r -> r.y));
        List<Rectangle> out = new ArrayList<>();
        for (Rectangle r : sorted) {
            Rectangle home = null;
            for (Rectangle o : out) {
                boolean sideOverlap = r.x < o.x + o.width && o.x < r.x + r.width;
                int gap = r.y - (o.y + o.height);
                if (sideOverlap && gap <= 2 * wordHeight) {
                    home = o;
                    break;
                }
            }
            if (home == null) {
                out.add(new Rectangle(r));
            } else {
                home.add(r);
            }
        }
        return out;
    }

    private static void mark(boolean[] covered, int cols, int rows, int cell, int x0, int y0, int x1, int y1) {
        int cx0 = Math.max(0, x0 / cell);
        int cy0 = Math.max(0, y0 / cell);
        int cx1 = Math.min(cols - 1, Math.max(0, x1) / cell);
        int cy1 = Math.min(rows - 1, Math.max(0, y1) / cell);
        for (int y = cy0; y <= cy1; y++) {
            for (int x = cx0; x <= cx1; x++) {
                covered[y * cols + x] = true;
            }
        }
    }
}
