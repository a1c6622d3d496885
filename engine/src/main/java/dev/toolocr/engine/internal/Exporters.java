package dev.toolocr.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
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

    public static final String SCHEMA_VERSION = "1.0";

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
            page.put("text", p.text());
            page.put("blocks", p.blocks());
            pageList.add(page);
        }
        doc.put("pages", pageList);
        JSON.writeValue(out.toFile(), doc);
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
     * lines starting with bullets or numbers become list items.
     */
    public static void writeMarkdown(Path out, List<PageResult> pages) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                sb.append("\n---\n\n");
            }
            PageResult page = pages.get(i);
            double body = medianLineHeight(page);
            for (Block block : readingOrder(page)) {
                if (block.lines().isEmpty()) {
                    continue;
                }
                Line first = block.lines().get(0);
                int height = first.bbox().y1() - first.bbox().y0();
                if (block.lines().size() == 1 && first.words().size() <= 12 && body > 0 && height > body * 1.4) {
                    sb.append("## ").append(escape(first.text())).append("\n\n");
                    continue;
                }
                StringBuilder para = new StringBuilder();
                for (Line line : block.lines()) {
                    String text = line.text();
                    if (text.matches("^([-•*·]|\\d{1,3}[.)])\\s+.*")) {
                        if (para.length() > 0) {
                            sb.append(escape(para.toString().strip())).append("\n\n");
                            para.setLength(0);
                        }
                        sb.append(
                                        text.matches("^\\d.*")
                                                ? text
                                                : "- " + text.substring(1).strip())
                                .append('\n');
                    } else {
                        para.append(text).append(' ');
                    }
                }
                if (para.length() > 0) {
                    sb.append(escape(para.toString().strip())).append("\n\n");
                } else {
                    sb.append('\n');
                }
            }
        }
        Files.writeString(out, sb.toString().strip() + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Columns first: full-width blocks (titles, footers) cut the page into bands; inside a band the
     * left column is read top to bottom before the right one.
     */
    static List<Block> readingOrder(PageResult page) {
        List<Block> blocks = new ArrayList<>(page.blocks());
        int mid = page.width() / 2;
        boolean twoColumns = blocks.stream().filter(b -> column(b, mid) == 0).count() >= 2
                && blocks.stream().filter(b -> column(b, mid) == 1).count() >= 2;
        if (!twoColumns) {
            return blocks;
        }
        List<Integer> spanningTops = blocks.stream()
                .filter(b -> column(b, mid) < 0)
                .map(b -> b.bbox().y0())
                .sorted()
                .toList();
        blocks.sort(java.util.Comparator.<Block>comparingInt(b -> band(b, spanningTops))
                .thenComparingInt(b -> column(b, mid) + 1)
                .thenComparingInt(b -> b.bbox().y0())
                .thenComparingInt(b -> b.bbox().x0()));
        return blocks;
    }

    /** How many full-width blocks start at or above this block's top. */
    private static int band(Block b, List<Integer> spanningTops) {
        int n = 0;
        for (int top : spanningTops) {
            if (top <= b.bbox().y0()) {
                n++;
            }
        }
        return n;
    }

    private static int column(Block b, int mid) {
        if (b.bbox().x1() <= mid) {
            return 0;
        }
        if (b.bbox().x0() >= mid) {
            return 1;
        }
        return -1;
    }

    private static double medianLineHeight(PageResult page) {
        List<Integer> heights = new ArrayList<>();
        page.blocks()
                .forEach(b -> b.lines()
                        .forEach(l -> heights.add(l.bbox().y1() - l.bbox().y0())));
        if (heights.isEmpty()) {
            return 0;
        }
        heights.sort(Integer::compare);
        return heights.get(heights.size() / 2);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("#", "\\#");
    }
}
