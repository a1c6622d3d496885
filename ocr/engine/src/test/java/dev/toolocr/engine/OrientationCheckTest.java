package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrientationCheckTest {

    @Test
    void confidentPageWithLinesAcrossIsTakenAsUpright() {
        assertThat(OrientationCheck.doubtful(page(0.93, false))).isFalse();
    }

    @Test
    void lowConfidenceSuggestsAnUpsideDownPage() {
        assertThat(OrientationCheck.doubtful(page(0.3, false))).isTrue();
    }

    @Test
    void linesTallerThanWideSuggestASidewaysPageHoweverConfident() {
        assertThat(OrientationCheck.doubtful(page(0.95, true))).isTrue();
    }

    @Test
    void pageWithAlmostNoTextIsNotChecked() {
        Word word = new Word("ok", new BBox(0, 0, 10, 40), 0.1);
        Line line = new Line(word.bbox(), 0.1, List.of(word));
        PageResult page = new PageResult(
                1, 100, 100, 300, 0, 0, "ocr", List.of(new Block(line.bbox(), 0.1, List.of(line))), List.of(), "");

        assertThat(OrientationCheck.doubtful(page)).isFalse();
    }

    @Test
    void confidenceIsWeightedByWordLength() {
        Word longWord = new Word("recognition", new BBox(0, 0, 110, 20), 0.9);
        Word shortWord = new Word("a", new BBox(120, 0, 130, 20), 0.0);
        Line line = new Line(new BBox(0, 0, 130, 20), 0.45, List.of(longWord, shortWord));
        PageResult page = new PageResult(
                1, 200, 100, 300, 0, 0, "ocr", List.of(new Block(line.bbox(), 0.45, List.of(line))), List.of(), "");

        assertThat(OrientationCheck.confidence(page)).isEqualTo(0.9 * 11 / 12);
    }

    /** Five lines of three words each, laid across the page or down it. */
    private static PageResult page(double confidence, boolean sideways) {
        List<Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Word> words = new java.util.ArrayList<>();
            for (int j = 0; j < 3; j++) {
                int along = j * 120;
                int across = i * 40;
                BBox box = sideways
                        ? new BBox(across, along, across + 30, along + 100)
                        : new BBox(along, across, along + 100, across + 30);
                words.add(new Word("word", box, confidence));
            }
            BBox lineBox = sideways ? new BBox(i * 40, 0, i * 40 + 30, 340) : new BBox(0, i * 40, 340, i * 40 + 30);
            lines.add(new Line(lineBox, confidence, words));
        }
        return new PageResult(
                1,
                400,
                400,
                300,
                0,
                0,
                "ocr",
                List.of(new Block(new BBox(0, 0, 340, 340), confidence, lines)),
                List.of(),
                "");
    }
}
