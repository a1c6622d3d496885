package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Cell;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Table;
import dev.toolocr.engine.model.PageResult.Word;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownTableTest {

    @TempDir
    Path dir;

    @Test
    void tableSitsBetweenTheParagraphsAroundItWithBarsEscapedAndItsWordsNotRepeated() throws Exception {
        Table table = new Table(
                new BBox(100, 400, 900, 600),
                List.of(
                        List.of(cell(100, 400, 500, 500, "Key"), cell(500, 400, 900, 500, "Value")),
                        List.of(cell(100, 500, 500, 600, "a|b"), cell(500, 500, 900, 600, "snake_case"))));
        // One block holds a paragraph line above the table and the table's own words, as a
        // recogniser that does not know about grids may well return it.
        Block mixed = block(
                line(word("Intro", 100, 300), word("text", 250, 300)),
                line(word("Key", 120, 420)),
                line(word("a|b", 120, 520), word("snake_case", 520, 520)));
        Block after = block(line(word("Closing", 100, 700)));
        PageResult page = new PageResult(1, 1000, 1000, 300, 0, 0, "ocr", List.of(mixed, after), List.of(table), "");

        Path md = dir.resolve("page.md");
        Exporters.writeMarkdown(md, List.of(page));

        assertThat(Files.readString(md)).isEqualTo("""
                        Intro text

                        | Key | Value |
                        | --- | --- |
                        | a\\|b | snake\\_case |

                        Closing
                        """);
    }

    @Test
    void inTwoColumnsATableKeepsItsPlaceInItsColumn() {
        Table table = new Table(
                new BBox(100, 500, 450, 700),
                List.of(List.of(cell(100, 500, 450, 600, "T"), cell(100, 600, 450, 700, "U"))));
        PageResult page = new PageResult(
                1,
                1000,
                1000,
                300,
                0,
                0,
                "ocr",
                List.of(
                        block(line(word("right1", 600, 100))),
                        block(line(word("left1", 100, 100))),
                        block(line(word("right2", 600, 500))),
                        block(line(word("left2", 100, 800)))),
                List.of(table),
                "");

        List<String> order = Exporters.readingOrder(page).stream()
                .map(p -> p.table() != null ? "table" : p.block().lines().get(0).text())
                .toList();

        assertThat(order).containsExactly("left1", "table", "left2", "right1", "right2");
    }

    private static Cell cell(int x0, int y0, int x1, int y1, String text) {
        return new Cell(new BBox(x0, y0, x1, y1), text);
    }

    private static Word word(String text, int x, int y) {
        return new Word(text, new BBox(x, y, x + 20 * text.length(), y + 40), 0.9);
    }

    private static Line line(Word... words) {
        List<Word> list = List.of(words);
        return new Line(TesseractEngine.union(list.stream().map(Word::bbox).toList()), 0.9, list);
    }

    private static Block block(Line... lines) {
        List<Line> list = List.of(lines);
        return new Block(TesseractEngine.union(list.stream().map(Line::bbox).toList()), 0.9, list);
    }
}
