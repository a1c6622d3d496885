package dev.toolocr.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Cell;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Table;
import dev.toolocr.engine.model.PageResult.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON, plain text and Markdown renderings of the recognised pages. */
public final class Exporters {

    public static final String SCHEMA_VERSION = "1.1";

    /** Classpath location of the JSON Schema (draft 2020-12) that {@link #writeJson} output follows. */
    public static final String SCHEMA_RESOURCE = "/dev/toolocr/engine/ocr-result.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Exporters() {}

    public static void writeJson(
            Path out,
            String source,
            String engine,
            String languages,
            List<PageResult> pages,
            Map<String, Long> timingsMs)
            throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema_version", SCHEMA_VERSION);
        doc.put("source", source);
        doc.put("engine", engine);
        doc.put("languages", List.of(languages.split("\\+")));
        doc.put("timings_ms", timingsMs);
        List<Map<String, Object>> pageList = new ArrayList<>();
        for (PageResult p : pages) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("number", p.number());
            page.put("width", p.width());
            page.put("height", p.height());
            page.put("dpi", p.dpi());
            page.put("rotation", p.rotation());
            page.put("skew", p.skew());
            page.put("text_source", p.textSource());
            page.put(
                    "languages",
                    p.languages().isEmpty() ? List.of() : List.of(p.languages().split("\\+")));
            page.put("text", p.text());
            page.put("blocks", p.blocks().stream().map(Exporters::blockJson).toList());
            page.put("tables", p.tables().stream().map(Exporters::tableJson).toList());
            pageList.add(page);
        }
        doc.put("pages", pageList);
        JSON.writeValue(out.toFile(), doc);
    }

    /*
     * The wire format is spelled out here rather than left to the records, so that a change to the
     * model cannot change the published schema unnoticed.
     */
    private static Map<String, Object> blockJson(Block block) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bbox", bboxJson(block.bbox()));
        m.put("confidence", confidence(block.confidence()));
        m.put("lines", block.lines().stream().map(Exporters::lineJson).toList());
        return m;
    }

    private static Map<String, Object> lineJson(Line line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bbox", bboxJson(line.bbox()));
        m.put("confidence", confidence(line.confidence()));
        m.put("words", line.words().stream().map(Exporters::wordJson).toList());
        return m;
    }

    private static Map<String, Object> wordJson(Word word) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", word.text());
        m.put("bbox", bboxJson(word.bbox()));
        m.put("confidence", confidence(word.confidence()));
        return m;
    }

    private static Map<String, Object> tableJson(Table table) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bbox", bboxJson(table.bbox()));
        m.put(
                "rows",
                table.rows().stream()
                        .map(row -> row.stream().map(Exporters::cellJson).toList())
                        .toList());
        return m;
    }

    private static Map<String, Object> cellJson(Cell cell) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bbox", bboxJson(cell.bbox()));
        m.put("text", cell.text());
        return m;
    }

    private static Map<String, Integer> bboxJson(BBox b) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("x0", b.x0());
        m.put("y0", b.y0());
        m.put("x1", b.x1());
        m.put("y1", b.y1());
        return m;
    }

    /** Three decimals in [0, 1]; engines report -1 or NaN for "unknown", which JSON cannot carry. */
    private static double confidence(double value) {
        if (!(value > 0)) {
            return 0;
        }
        return Math.min(1, Math.round(value * 1000) / 1000.0);
    }

    public static void writeText(Path out, List<PageResult> pages) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                sb.append("\n\f\n");
            }
            sb.append(pages.get(i).text()).append('\n');
        }
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Blocks become paragraphs in reading order (left column before right when blocks sit side by
     * side); a short, single-line block set in larger type than the page's body becomes a heading;
     * lines starting with bullets or numbers become list items; a ruled table becomes a GFM table
     * (first grid row as its header) and its words are not repeated as paragraphs.
     */
    public static void writeMarkdown(Path out, List<PageResult> pages) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                sb.append("\n---\n\n");
            }
            PageResult page = pages.get(i);
            List<Piece> pieces = readingOrder(page);
            double body = medianWordHeight(pieces);
            for (Piece piece : pieces) {
                if (piece.table() != null) {
                    writeTable(sb, piece.table());
                    continue;
                }
                Block block = piece.block();
                Line first = block.lines().get(0);
                if (block.lines().size() == 1
                        && first.words().size() <= 12
                        && body > 0
                        && medianWordHeight(first) > body * 1.4) {
                    sb.append("## ").append(escape(first.text())).append("\n\n");
                    continue;
                }
                writeParagraphs(sb, block);
            }
        }
        Files.writeString(out, sb.toString().strip() + "\n", StandardCharsets.UTF_8);
    }

    /**
     * A block's lines as paragraph text, list items on lines of their own. A line break stays (as a
     * Markdown hard break) where the writer put one on purpose: after a line that ends short of the
     * block's right edge by more than the next line's first word, which would have fit, and around
     * a key–value line (a label and a value set far apart, as on a receipt).
     */
    private static void writeParagraphs(StringBuilder sb, Block block) {
        List<Line> lines = block.lines();
        int left = lines.stream().mapToInt(l -> l.bbox().x0()).min().orElse(0);
        int right = lines.stream().mapToInt(l -> l.bbox().x1()).max().orElse(0);
        StringBuilder para = new StringBuilder();
        boolean breakBefore = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text();
            if (text.matches("^([-•*·]|\\d{1,3}[.)])\\s+.*")) {
                if (para.length() > 0) {
                    sb.append(para).append("\n\n");
                    para.setLength(0);
                }
                sb.append(
                                text.matches("^\\d.*")
                                        ? text
                                        : "- " + text.substring(1).strip())
                        .append('\n');
                breakBefore = false;
                continue;
            }
            String escaped = escape(text);
            if (para.length() == 0) {
                para.append(escaped);
            } else if (breakBefore) {
                para.append("  \n").append(escaped);
            } else {
                String joined = Line.join(para.toString(), escaped);
                para.setLength(0);
                para.append(joined);
            }
            breakBefore = i + 1 < lines.size() && keepsBreak(line, lines.get(i + 1), left, right);
        }
        if (para.length() > 0) {
            sb.append(para).append("\n\n");
        } else {
            sb.append('\n');
        }
    }

    /**
     * Whether the break between two lines of a block was meant: a short line, a centred one, or a
     * key–value line.
     */
    static boolean keepsBreak(Line line, Line next, int blockLeft, int blockRight) {
        if (keyValueLine(line) || keyValueLine(next) || next.words().isEmpty()) {
            return true;
        }
        Word firstNext = next.words().get(0);
        int nextWord = firstNext.bbox().x1() - firstNext.bbox().x0();
        int height = firstNext.bbox().y1() - firstNext.bbox().y0();
        int shortBy = blockRight - line.bbox().x1();
        boolean centred = line.bbox().x0() - blockLeft > height && shortBy > height;
        // The next line's first word, and a space before it, would have fitted at this line's end.
        return centred || shortBy > nextWord + height / 2;
    }

    /** A line with a gap between two words wider than two text heights: a label and its value. */
    private static boolean keyValueLine(Line line) {
        List<Word> words = line.words();
        for (int i = 1; i < words.size(); i++) {
            BBox a = words.get(i - 1).bbox();
            BBox b = words.get(i).bbox();
            int height = Math.max(a.y1() - a.y0(), b.y1() - b.y0());
            if (b.x0() - a.x1() > 2 * height) {
                return true;
            }
        }
        return false;
    }

    /** Something the Markdown writer places on the page: a block of text or a table. */
    record Piece(BBox bbox, Block block, Table table) {}

    /**
     * Columns first: full-width blocks (titles, footers) cut the page into bands; inside a band the
     * left column is read top to bottom before the right one. Tables take their place among the blocks
     * by their top edge; words inside a table are taken out of the blocks.
     */
    static List<Piece> readingOrder(PageResult page) {
        List<Piece> pieces = new ArrayList<>();
        for (Block b : page.blocks()) {
            Block outside = outsideTables(b, page.tables());
            if (outside != null) {
                pieces.add(new Piece(outside.bbox(), outside, null));
            }
        }
        int mid = page.width() / 2;
        boolean twoColumns = pieces.stream().filter(p -> column(p, mid) == 0).count() >= 2
                && pieces.stream().filter(p -> column(p, mid) == 1).count() >= 2;
        if (!twoColumns) {
            for (Table t : page.tables()) {
                int at = 0;
                while (at < pieces.size()
                        && pieces.get(at).bbox().y0() < t.bbox().y0()) {
                    at++;
                }
                pieces.add(at, new Piece(t.bbox(), null, t));
            }
            return pieces;
        }
        page.tables().forEach(t -> pieces.add(new Piece(t.bbox(), null, t)));
        List<Integer> spanningTops = pieces.stream()
                .filter(p -> column(p, mid) < 0)
                .map(p -> p.bbox().y0())
                .sorted()
                .toList();
        pieces.sort(java.util.Comparator.<Piece>comparingInt(p -> band(p, spanningTops))
                .thenComparingInt(p -> column(p, mid) + 1)
                .thenComparingInt(p -> p.bbox().y0())
                .thenComparingInt(p -> p.bbox().x0()));
        return pieces;
    }

    /** The block without the words whose centre lies in a table, or null when none is left. */
    private static Block outsideTables(Block block, List<Table> tables) {
        if (tables.isEmpty()) {
            return block.lines().isEmpty() ? null : block;
        }
        List<Line> lines = new ArrayList<>();
        for (Line line : block.lines()) {
            List<Word> words = line.words().stream()
                    .filter(w -> tables.stream().noneMatch(t -> contains(t.bbox(), w.bbox())))
                    .toList();
            if (words.size() == line.words().size()) {
                lines.add(line);
            } else if (!words.isEmpty()) {
                lines.add(new Line(
                        TesseractEngine.union(words.stream().map(Word::bbox).toList()), line.confidence(), words));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        return lines.size() == block.lines().size() && lines.equals(block.lines())
                ? block
                : new Block(TesseractEngine.union(lines.stream().map(Line::bbox).toList()), block.confidence(), lines);
    }

    private static boolean contains(BBox outer, BBox inner) {
        double cx = (inner.x0() + inner.x1()) / 2.0;
        double cy = (inner.y0() + inner.y1()) / 2.0;
        return cx >= outer.x0() && cx < outer.x1() && cy >= outer.y0() && cy < outer.y1();
    }

    /** GFM wants a header row; the grid's first row is the closest thing a scan offers. */
    private static void writeTable(StringBuilder sb, Table table) {
        for (int r = 0; r < table.rows().size(); r++) {
            List<Cell> row = table.rows().get(r);
            sb.append('|');
            for (Cell cell : row) {
                sb.append(' ').append(escape(cell.text()).replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append('|');
                sb.append(" --- |".repeat(row.size()));
                sb.append('\n');
            }
        }
        sb.append('\n');
    }

    /** How many full-width pieces start at or above this piece's top. */
    private static int band(Piece p, List<Integer> spanningTops) {
        int n = 0;
        for (int top : spanningTops) {
            if (top <= p.bbox().y0()) {
                n++;
            }
        }
        return n;
    }

    private static int column(Piece b, int mid) {
        if (b.bbox().x1() <= mid) {
            return 0;
        }
        if (b.bbox().x0() >= mid) {
            return 1;
        }
        return -1;
    }

    /**
     * Body text size, from the words of text outside tables (cell rows come out taller than the
     * lines they hold), word by word: a slanted line's box is taller than its words.
     */
    private static double medianWordHeight(List<Piece> pieces) {
        List<Integer> heights = new ArrayList<>();
        pieces.stream()
                .filter(p -> p.block() != null)
                .forEach(p -> p.block().lines().forEach(l -> l.words().forEach(w -> heights.add(height(w)))));
        return median(heights);
    }

    private static double medianWordHeight(Line line) {
        return median(
                new ArrayList<>(line.words().stream().map(Exporters::height).toList()));
    }

    private static int height(Word w) {
        return w.bbox().y1() - w.bbox().y0();
    }

    private static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        values.sort(Integer::compare);
        return values.get(values.size() / 2);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("#", "\\#");
    }
}
