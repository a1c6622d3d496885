package dev.toolocr.engine.internal;

import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Cell;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Table;
import dev.toolocr.engine.model.PageResult.Word;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Finds ruled tables on a grey page: long thin horizontal and vertical rules are traced from runs of
 * dark pixels, rules that cross each other are grouped, and a group with at least three rules each way
 * (two rows by two columns) becomes a grid. Underlines, page frames and boxed paragraphs do not reach
 * that and are left alone. Rules are fitted as slightly sloped lines, so a table that leans by a
 * degree or so still yields the right cells. Works on run lists rather than a page-sized mask, so its
 * extra memory stays small next to the page itself.
 */
public final class TableDetector {

    /** A ruling line: {@code across = a + b * along} (y of x for horizontal rules, x of y for vertical ones). */
    record Rule(double a, double b, int from, int to) {

        double at(double along) {
            return a + b * along;
        }

        int length() {
            return to - from;
        }

        Rule scaled(double k) {
            return new Rule(a * k, b, (int) Math.round(from * k), (int) Math.round(to * k));
        }
    }

    /**
     * A detected grid; row boundaries top to bottom, column boundaries left to right.
     *
     * @param rows rules between and around rows, {@code rows.size() - 1} rows
     * @param columns rules between and around columns
     * @param joinedRight {@code [r][c]}: no rule between cell (r, c) and (r, c + 1), a merged cell
     * @param joinedBelow {@code [r][c]}: no rule between cell (r, c) and (r + 1, c)
     */
    record Grid(List<Rule> rows, List<Rule> columns, boolean[][] joinedRight, boolean[][] joinedBelow) {

        Grid scaled(double k) {
            return new Grid(
                    rows.stream().map(r -> r.scaled(k)).toList(),
                    columns.stream().map(r -> r.scaled(k)).toList(),
                    joinedRight,
                    joinedBelow);
        }

        /**
         * Each cell's merged region as the row-major index of its first cell: a cell with no rule
         * to its left belongs with its left neighbour, else with no rule above, with the one above.
         */
        int[][] anchors() {
            int cols = columnCount();
            int[][] anchor = new int[rowCount()][cols];
            for (int r = 0; r < rowCount(); r++) {
                for (int c = 0; c < cols; c++) {
                    if (c > 0 && joinedRight[r][c - 1]) {
                        anchor[r][c] = anchor[r][c - 1];
                    } else if (r > 0 && joinedBelow[r - 1][c]) {
                        anchor[r][c] = anchor[r - 1][c];
                    } else {
                        anchor[r][c] = r * cols + c;
                    }
                }
            }
            return anchor;
        }

        int rowCount() {
            return rows.size() - 1;
        }

        int columnCount() {
            return columns.size() - 1;
        }

        /** Corner where row boundary {@code r} meets column boundary {@code c}, as {x, y}. */
        double[] corner(int r, int c) {
            Rule h = rows.get(r);
            Rule v = columns.get(c);
            double y = (h.a() + h.b() * v.a()) / (1 - h.b() * v.b());
            return new double[] {v.at(y), y};
        }

        /** Row and column of a point, or null when it lies outside the grid. */
        int[] cellAt(double x, double y) {
            int row = slot(rows, x, y);
            int column = slot(columns, y, x);
            return row < 0 || column < 0 ? null : new int[] {row, column};
        }

        private static int slot(List<Rule> boundaries, double along, double across) {
            if (across < boundaries.get(0).at(along)
                    || across >= boundaries.get(boundaries.size() - 1).at(along)) {
                return -1;
            }
            int i = 0;
            while (across >= boundaries.get(i + 1).at(along)) {
                i++;
            }
            return i;
        }
    }

    /**
     * About 3 degrees: pages are straightened before this runs, so a steeper stroke is a letter's
     * diagonal or a drawing, not a rule.
     */
    private static final double MAX_SLOPE = 0.05;

    /** Dark runs long enough to be part of a rule; past this a page is a pattern, not a table. */
    static final int MAX_RUNS = 200_000;

    /** Rules one way; the pairing below is quadratic in them. */
    static final int MAX_RULES = 2_000;

    private TableDetector() {}

    /**
     * The page's ruled tables with the recognised words placed in the cell that holds their centre;
     * words and blocks stay where they are, the tables only add structure on top of them.
     */
    public static List<Table> detect(BufferedImage page, int dpi, List<Block> blocks) {
        return detect(page, dpi, 1, blocks);
    }

    /**
     * @param scale how many units of the words' coordinates make one pixel of {@code page}: the grid
     *     is found on {@code page} and scaled to the words
     */
    static List<Table> detect(BufferedImage page, int dpi, double scale, List<Block> blocks) {
        List<Table> tables = new ArrayList<>();
        for (Grid grid : grids(page, dpi)) {
            Grid scaled = scale == 1 ? grid : grid.scaled(scale);
            tables.add(fill(scaled, blocks, (int) Math.round(reach(dpi) * scale)));
        }
        return tables;
    }

    private static Table fill(Grid grid, List<Block> blocks, int reach) {
        int cols = grid.columnCount();
        int[][] anchor = grid.anchors();
        StringBuilder[][] text = new StringBuilder[grid.rowCount()][cols];
        for (Block block : blocks) {
            for (Line line : block.lines()) {
                for (Word word : line.words()) {
                    BBox b = word.bbox();
                    int[] cell = grid.cellAt((b.x0() + b.x1()) / 2.0, (b.y0() + b.y1()) / 2.0);
                    if (cell == null) {
                        continue;
                    }
                    int first = anchor[cell[0]][cell[1]];
                    cell = new int[] {first / cols, first % cols};
                    String clean = onRule(grid, b, reach) ? stripRuleGlyphs(word.text()) : word.text();
                    if (clean.isEmpty()) {
                        continue;
                    }
                    StringBuilder sb = text[cell[0]][cell[1]];
                    if (sb == null) {
                        sb = text[cell[0]][cell[1]] = new StringBuilder();
                    } else {
                        sb.append(' ');
                    }
                    sb.append(clean);
                }
            }
        }
        // Last row and column of each merged region, indexed by its first cell.
        int[] lastRow = new int[grid.rowCount() * cols];
        int[] lastColumn = new int[grid.rowCount() * cols];
        for (int r = 0; r < grid.rowCount(); r++) {
            for (int c = 0; c < cols; c++) {
                lastRow[anchor[r][c]] = Math.max(lastRow[anchor[r][c]], r);
                lastColumn[anchor[r][c]] = Math.max(lastColumn[anchor[r][c]], c);
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = 0; r < grid.rowCount(); r++) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                int self = r * cols + c;
                BBox box = anchor[r][c] == self
                        ? box(grid, r, c, lastRow[self] + 1, lastColumn[self] + 1)
                        : box(grid, r, c, r + 1, c + 1);
                cells.add(new Cell(box, text[r][c] == null ? "" : text[r][c].toString()));
            }
            rows.add(List.copyOf(cells));
        }
        return new Table(box(grid, 0, 0, grid.rowCount(), grid.columnCount()), List.copyOf(rows));
    }

    /**
     * A rule the recogniser read as a glyph: a word made only of bar-like characters, or bars at the
     * edge of a word that runs into a vertical rule. Only applied to words touching a rule, so a dash
     * or an "I" standing in the middle of a cell stays.
     */
    private static String stripRuleGlyphs(String text) {
        if (text.matches("[|\\[\\]!Il_—–-]+")) {
            return "";
        }
        return text.replaceAll("^\\|+|\\|+$", "");
    }

    private static boolean onRule(Grid grid, BBox b, int reach) {
        double cx = (b.x0() + b.x1()) / 2.0;
        double cy = (b.y0() + b.y1()) / 2.0;
        for (Rule v : grid.columns()) {
            double x = v.at(cy);
            if (x >= b.x0() - reach && x <= b.x1() + reach) {
                return true;
            }
        }
        for (Rule h : grid.rows()) {
            double y = h.at(cx);
            if (y >= b.y0() - reach && y <= b.y1() + reach) {
                return true;
            }
        }
        return false;
    }

    /** Axis-aligned box around the corners of the cells from (r0, c0) to (r1, c1), boundaries included. */
    private static BBox box(Grid grid, int r0, int c0, int r1, int c1) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (double[] p :
                new double[][] {grid.corner(r0, c0), grid.corner(r0, c1), grid.corner(r1, c0), grid.corner(r1, c1)}) {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return new BBox((int) Math.round(x0), (int) Math.round(y0), (int) Math.round(x1), (int) Math.round(y1));
    }

    static List<Grid> grids(BufferedImage page, int dpi) {
        BufferedImage gray = Images.toGray(page);
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int threshold = otsu(px);
        // Shorter runs than this are letter strokes; a rule that leans a degree still gives runs
        // several times longer.
        int minRun = Math.max(8, dpi / 12);
        int minRule = Math.max(20, dpi / 5);
        int maxThickness = Math.max(3, dpi / 25);
        int reach = reach(dpi);

        List<int[]> horizontalRuns = horizontalRuns(px, w, h, threshold, minRun);
        if (horizontalRuns == null) {
            return List.of();
        }
        List<Rule> horizontal = rules(horizontalRuns, minRule, maxThickness);
        if (horizontal.size() < 3) {
            // Most pages have no rules at all: spare them the column-wise pass.
            return List.of();
        }
        List<int[]> verticalRuns = verticalRuns(px, w, h, threshold, minRun);
        if (verticalRuns == null) {
            return List.of();
        }
        List<Rule> vertical = rules(verticalRuns, minRule, maxThickness);
        if (horizontal.size() > MAX_RULES || vertical.size() > MAX_RULES) {
            // Thousands of rules is a pattern (hatching, a dotted background, hostile input), not a
            // table, and pairing them up would cost memory by the square.
            return List.of();
        }
        List<Grid> grids = new ArrayList<>();
        for (Grid g : grids(horizontal, vertical, reach, Math.max(6, dpi / 20))) {
            grids.add(withJoins(g, new Ink(px, w, h, threshold), maxThickness + reach));
        }
        return grids;
    }

    /** The page's pixels and what counts as dark on it. */
    private record Ink(byte[] px, int w, int h, int threshold) {

        boolean darkNear(double x, double y, int radius, boolean acrossX) {
            int cx = (int) Math.round(x);
            int cy = (int) Math.round(y);
            for (int d = -radius; d <= radius; d++) {
                int px0 = acrossX ? cx + d : cx;
                int py0 = acrossX ? cy : cy + d;
                if (px0 >= 0 && py0 >= 0 && px0 < w && py0 < h && (px[py0 * w + px0] & 0xff) < threshold) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Marks where an inner boundary has no rule along a cell's side: a header spanning several
     * columns, say. The side is walked between its corners, leaving out the crossings themselves.
     */
    private static Grid withJoins(Grid g, Ink ink, int margin) {
        int rows = g.rowCount();
        int cols = g.columnCount();
        boolean[][] right = new boolean[rows][Math.max(0, cols - 1)];
        boolean[][] below = new boolean[Math.max(0, rows - 1)][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) {
                Rule v = g.columns().get(c + 1);
                right[r][c] =
                        !ruled(g.corner(r, c + 1)[1], g.corner(r + 1, c + 1)[1], margin, y -> v.at(y), ink, false);
            }
        }
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Rule h = g.rows().get(r + 1);
                below[r][c] = !ruled(g.corner(r + 1, c)[0], g.corner(r + 1, c + 1)[0], margin, x -> h.at(x), ink, true);
            }
        }
        return new Grid(g.rows(), g.columns(), right, below);
    }

    /**
     * Whether the rule {@code across(along)} is drawn along most of {@code from..to}; a side too short
     * to judge counts as ruled.
     */
    private static boolean ruled(
            double from, double to, int margin, DoubleUnaryOperator across, Ink ink, boolean horizontal) {
        int start = (int) Math.ceil(from + margin);
        int end = (int) Math.floor(to - margin);
        if (end - start < 3) {
            return true;
        }
        int dark = 0;
        for (int t = start; t <= end; t++) {
            double a = across.applyAsDouble(t);
            boolean hit = horizontal ? ink.darkNear(t, a, 2, false) : ink.darkNear(a, t, 2, true);
            if (hit) {
                dark++;
            }
        }
        return dark >= 0.6 * (end - start + 1);
    }

    /** Run = {row, first column, last column} for horizontal; {column, first row, last row} for vertical. */
    /** Null when there are more than {@link #MAX_RUNS}. */
    private static List<int[]> horizontalRuns(byte[] px, int w, int h, int threshold, int minRun) {
        List<int[]> runs = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int start = -1;
            for (int x = 0; x <= w; x++) {
                boolean dark = x < w && (px[row + x] & 0xff) < threshold;
                if (dark && start < 0) {
                    start = x;
                } else if (!dark && start >= 0) {
                    if (x - start >= minRun) {
                        if (runs.size() == MAX_RUNS) {
                            return null;
                        }
                        runs.add(new int[] {y, start, x - 1});
                    }
                    start = -1;
                }
            }
        }
        return runs;
    }

    /** Null when there are more than {@link #MAX_RUNS}. */
    private static List<int[]> verticalRuns(byte[] px, int w, int h, int threshold, int minRun) {
        List<int[]> runs = new ArrayList<>();
        int[] start = new int[w];
        Arrays.fill(start, -1);
        // Row by row, one open run per column: reads the raster in memory order.
        for (int y = 0; y <= h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                boolean dark = y < h && (px[row + x] & 0xff) < threshold;
                if (dark && start[x] < 0) {
                    start[x] = y;
                } else if (!dark && start[x] >= 0) {
                    if (y - start[x] >= minRun) {
                        if (runs.size() == MAX_RUNS) {
                            return null;
                        }
                        runs.add(new int[] {x, start[x], y - 1});
                    }
                    start[x] = -1;
                }
            }
        }
        runs.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[1]));
        return runs;
    }

    /**
     * Joins runs on neighbouring rows (columns) that touch into strokes, keeps the long, thin, nearly
     * level ones and fits each with a least-squares line over its pixels.
     */
    private static List<Rule> rules(List<int[]> runs, int minRule, int maxThickness) {
        int n = runs.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        // Runs are sorted by their row; compare each row's runs with the previous row's.
        int prevStart = 0;
        int prevEnd = 0;
        int i = 0;
        while (i < n) {
            int line = runs.get(i)[0];
            int end = i;
            while (end < n && runs.get(end)[0] == line) {
                end++;
            }
            boolean adjacent = prevEnd > prevStart && runs.get(prevStart)[0] == line - 1;
            if (adjacent) {
                int p = prevStart;
                for (int k = i; k < end; k++) {
                    int[] run = runs.get(k);
                    while (p < prevEnd && runs.get(p)[2] < run[1] - 1) {
                        p++;
                    }
                    for (int q = p; q < prevEnd && runs.get(q)[1] <= run[2] + 1; q++) {
                        union(parent, k, q);
                    }
                }
            }
            prevStart = i;
            prevEnd = end;
            i = end;
        }
        // Per stroke: extent along, dark pixel count, and weighted sums for the line fit.
        Map<Integer, double[]> strokes = new HashMap<>();
        for (int k = 0; k < n; k++) {
            int[] run = runs.get(k);
            double len = run[2] - run[1] + 1;
            double[] s = strokes.computeIfAbsent(
                    find(parent, k), r -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0, 0, 0, 0});
            s[0] = Math.min(s[0], run[1]);
            s[1] = Math.max(s[1], run[2]);
            s[2] += len;
            // Least squares of across on along over every pixel of the run, in closed form. Run
            // midpoints alone would not do: a level rule is one run per row, all with the same
            // midpoint, and its slope would come out of noise.
            double sumAlong = len * (run[1] + run[2]) / 2.0;
            s[3] += sumAlong;
            s[4] += len * run[0];
            s[5] += squaresUpTo(run[2]) - squaresUpTo(run[1] - 1);
            s[6] += sumAlong * run[0];
        }
        List<Rule> rules = new ArrayList<>();
        for (double[] s : strokes.values()) {
            double length = s[1] - s[0] + 1;
            if (length < minRule || s[2] / length > maxThickness) {
                continue;
            }
            double meanAlong = s[3] / s[2];
            double meanAcross = s[4] / s[2];
            double var = s[5] / s[2] - meanAlong * meanAlong;
            double slope = var > 1e-9 ? (s[6] / s[2] - meanAlong * meanAcross) / var : 0;
            if (Math.abs(slope) > MAX_SLOPE) {
                continue;
            }
            rules.add(new Rule(meanAcross - slope * meanAlong, slope, (int) s[0], (int) s[1]));
        }
        return rules;
    }

    /**
     * Groups crossing rules and turns each group that has at least three rules each way into a grid.
     * A rule that crosses fewer than two rules of the other direction is dropped first (repeatedly): an
     * underline, a stray letter stroke near a rule, or a rule sticking out of the table.
     */
    private static List<Grid> grids(List<Rule> horizontal, List<Rule> vertical, int reach, int merge) {
        boolean[][] cross = new boolean[horizontal.size()][vertical.size()];
        for (int i = 0; i < horizontal.size(); i++) {
            for (int j = 0; j < vertical.size(); j++) {
                cross[i][j] = crosses(horizontal.get(i), vertical.get(j), reach);
            }
        }
        boolean[] hAlive = new boolean[horizontal.size()];
        boolean[] vAlive = new boolean[vertical.size()];
        Arrays.fill(hAlive, true);
        Arrays.fill(vAlive, true);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < hAlive.length; i++) {
                if (hAlive[i] && crossings(cross, i, vAlive, true) < 2) {
                    hAlive[i] = false;
                    changed = true;
                }
            }
            for (int j = 0; j < vAlive.length; j++) {
                if (vAlive[j] && crossings(cross, j, hAlive, false) < 2) {
                    vAlive[j] = false;
                    changed = true;
                }
            }
        }
        // Connected groups over the crossing relation; horizontal i is node i, vertical j is node H + j.
        int hn = horizontal.size();
        int[] parent = new int[hn + vertical.size()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        for (int i = 0; i < hn; i++) {
            for (int j = 0; j < vertical.size(); j++) {
                if (hAlive[i] && vAlive[j] && cross[i][j]) {
                    union(parent, i, hn + j);
                }
            }
        }
        Map<Integer, List<Rule>[]> groups = new LinkedHashMap<>();
        for (int k = 0; k < parent.length; k++) {
            boolean isH = k < hn;
            if (isH ? !hAlive[k] : !vAlive[k - hn]) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Rule>[] g = groups.computeIfAbsent(
                    find(parent, k), r -> new List[] {new ArrayList<Rule>(), new ArrayList<Rule>()});
            g[isH ? 0 : 1].add(isH ? horizontal.get(k) : vertical.get(k - hn));
        }
        List<Grid> grids = new ArrayList<>();
        for (List<Rule>[] g : groups.values()) {
            double midX = g[0].stream()
                    .mapToDouble(r -> (r.from() + r.to()) / 2.0)
                    .average()
                    .orElse(0);
            double midY = g[1].stream()
                    .mapToDouble(r -> (r.from() + r.to()) / 2.0)
                    .average()
                    .orElse(0);
            List<Rule> rows = boundaries(g[0], midX, merge);
            List<Rule> columns = boundaries(g[1], midY, merge);
            if (rows.size() >= 3 && columns.size() >= 3) {
                grids.add(new Grid(rows, columns, new boolean[0][0], new boolean[0][0]));
            }
        }
        grids.sort(Comparator.comparingDouble(
                g -> g.rows().get(0).at(g.columns().get(0).a())));
        return grids;
    }

    /**
     * Sorts rules across the table and merges those closer than {@code merge} (a double rule, or a rule
     * broken where text touches it) into the longest of them.
     */
    private static List<Rule> boundaries(List<Rule> rules, double along, int merge) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingDouble(r -> r.at(along)));
        List<Rule> out = new ArrayList<>();
        for (Rule r : sorted) {
            if (!out.isEmpty()) {
                Rule last = out.get(out.size() - 1);
                if (r.at(along) - last.at(along) < merge) {
                    if (r.length() > last.length()) {
                        out.set(out.size() - 1, r);
                    }
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    private static int crossings(boolean[][] cross, int index, boolean[] otherAlive, boolean horizontal) {
        int n = 0;
        for (int k = 0; k < otherAlive.length; k++) {
            if (otherAlive[k] && (horizontal ? cross[index][k] : cross[k][index])) {
                n++;
            }
        }
        return n;
    }

    private static boolean crosses(Rule h, Rule v, int reach) {
        double y = (h.a() + h.b() * v.a()) / (1 - h.b() * v.b());
        double x = v.at(y);
        return x >= h.from() - reach && x <= h.to() + reach && y >= v.from() - reach && y <= v.to() + reach;
    }

    /** Rules that stop a few pixels short of each other still meet (hand-drawn or broken scans). */
    private static int reach(int dpi) {
        return Math.max(3, dpi / 50);
    }

    /** Otsu's threshold over the page's grey histogram: rules are dark whatever the paper's shade. */
    static int otsu(byte[] px) {
        long[] hist = new long[256];
        // Every third pixel describes the page's two tones as well as all of them do.
        for (int i = 0; i < px.length; i += 3) {
            hist[px[i] & 0xff]++;
        }
        long total = 0;
        for (long count : hist) {
            total += count;
        }
        double sum = 0;
        for (int t = 0; t < 256; t++) {
            sum += t * (double) hist[t];
        }
        double sumBelow = 0;
        long below = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            below += hist[t];
            if (below == 0) {
                continue;
            }
            long above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += t * (double) hist[t];
            double meanBelow = sumBelow / below;
            double meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }

    /** 0² + 1² + ... + m². */
    private static double squaresUpTo(double m) {
        return m * (m + 1) * (2 * m + 1) / 6;
    }

    /** Union-find over int indices, with path halving. */
    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }
}
