package dev.toolocr.engine.model;

import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Word;
import java.util.List;

/** The box around words, for tests building lines by hand. */
final class TestBoxes {

    private TestBoxes() {}

    static BBox union(List<Word> words) {
        return new BBox(
                words.stream().mapToInt(w -> w.bbox().x0()).min().orElse(0),
                words.stream().mapToInt(w -> w.bbox().y0()).min().orElse(0),
                words.stream().mapToInt(w -> w.bbox().x1()).max().orElse(0),
                words.stream().mapToInt(w -> w.bbox().y1()).max().orElse(0));
    }
}
