package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receipt as Tesseract's column finding returns it: the item names as one block and the
 * right-aligned prices as another, so that every name would come out before every price.
 */
class ReceiptLayoutTest {

    private static final int PITCH = 60;

    @TempDir
    Path dir;

    private static Word word(String text, int x, int y) {
        return new Word(text, new BBox(x, y, x + 22 * text.length(), y + 40), 0.9);
    }

    /** One line of words starting at x on row {@code row}, 30 px between words. */
    private static Line line(int x, int row, String... words) {
        List<Word> list = new ArrayList<>();
        int at = x;
        for (String w : words) {
            list.add(word(w, at, 100 + row * PITCH));
            at += 22 * w.length() + 30;
        }
        return new Line(TesseractEngine.union(list.stream().map(Word::bbox).toList()), 0.9, list);
    }

    private static Block block(Line... lines) {
        List<Line> list = List.of(lines);
        return new Block(TesseractEngine.union(list.stream().map(Line::bbox).toList()), 0.9, list);
    }

    private static final Block NAMES = block(
            line(300, 0, "NOODLE", "HOUSE"),
            line(60, 2, "Beef", "noodle", "soup"),
            line(60, 3, "Oolong", "tea"),
            line(60, 4, "Extra", "noodles"),
            line(60, 5, "TOTAL"));

    private static final Block PRICES =
            block(line(800, 2, "150"), line(800, 3, "40"), line(822, 4, "0"), line(778, 5, "190"));

    private static final Block THANKS = block(line(330, 7, "Thank", "you"));

    private static PageResult receipt() {
        return new PageResult(
                1, 900, 700, 300, 0, 0, "ocr", LineLayout.rows(List.of(NAMES, PRICES, THANKS)), List.of(), "eng");
    }

    @Test
    void keepsEachItemWithItsPrice() {
        assertThat(receipt().text())
                .isEqualTo(
                        "NOODLE HOUSE\nBeef noodle soup 150\nOolong tea 40\nExtra noodles 0\nTOTAL 190\n\nThank you");
    }

    @Test
    void writesOneMarkdownLinePerItemWithItsPriceAndNoHeading() throws Exception {
        Path md = dir.resolve("receipt.md");
        Exporters.writeMarkdown(md, List.of(receipt()));
        List<String> lines = Files.readAllLines(md).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();

        assertThat(lines)
                .containsExactly(
                        "NOODLE HOUSE",
                        "Beef noodle soup 150",
                        "Oolong tea 40",
                        "Extra noodles 0",
                        "TOTAL 190",
                        "Thank you");
    }

    @Test
    void makesALoneLineAHeadingOnlyWhenItIsSetLarger() throws Exception {
        Word big = new Word("Minutes", new BBox(60, 40, 400, 120), 0.9);
        Block title = new Block(big.bbox(), 0.9, List.of(new Line(big.bbox(), 0.9, List.of(big))));
        PageResult page =
                new PageResult(1, 900, 700, 300, 0, 0, "ocr", List.of(title, NAMES, THANKS), List.of(), "eng");
        Path md = dir.resolve("page.md");
        Exporters.writeMarkdown(md, List.of(page));

        assertThat(Files.readString(md)).startsWith("## Minutes\n").doesNotContain("## Thank you");
    }

    @Test
    void leavesTwoColumnsOfProseApart() {
        Block left = block(
                line(60, 0, "The", "river", "town", "kept", "its", "market"),
                line(60, 1, "on", "the", "old", "stone", "square", "every"));
        Block right = block(
                line(1300, 0, "Our", "quarterly", "report", "shows", "steady", "growth"),
                line(1300, 1, "in", "every", "region", "except", "the", "north"));

        assertThat(LineLayout.rows(List.of(left, right))).containsExactly(left, right);
    }

    @Test
    void leavesAShortNoteBesideAParagraphApart() {
        Block prose = block(
                line(60, 0, "The", "river", "town", "kept", "its", "market"),
                line(60, 1, "on", "the", "old", "stone", "square", "every"),
                line(60, 2, "Thursday", "morning", "before", "the", "sun", "rose"));
        Block note = block(line(1500, 0, "see", "p.", "12"), line(1500, 1, "and", "p.", "14"));

        assertThat(LineLayout.rows(List.of(prose, note))).containsExactly(prose, note);
    }
}
