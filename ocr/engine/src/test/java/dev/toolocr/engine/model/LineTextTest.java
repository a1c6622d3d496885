package dev.toolocr.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a line's words become its text: spaces where the script and the page have them. */
class LineTextTest {

    /**
     * Words laid out left to right, 60 px per character with a 10 px gap; a leading '_' marks a
     * word the recogniser saw a space before.
     */
    private static Line line(String... spec) {
        List<Word> words = new ArrayList<>();
        int x = 100;
        for (String s : spec) {
            boolean space = s.startsWith("_");
            String text = space ? s.substring(1) : s;
            int width = 60 * text.codePointCount(0, text.length());
            words.add(new Word(text, new BBox(x, 100, x + width, 160), 0.9, space));
            x += width + 10;
        }
        return new Line(TestBoxes.union(words), 0.9, words);
    }

    @Test
    void putsNoSpaceBetweenHanCharactersEvenWhereTheRecogniserSawOne() {
        assertThat(line("後", "_端", "_實", "作", "_完", "成").text()).isEqualTo("後端實作完成");
    }

    @Test
    void keepsTheSpacesBetweenHanAndLatinRunsThatThePageHas() {
        assertThat(line("Phase", "_1:", "_資", "料", "庫").text()).isEqualTo("Phase 1: 資料庫");
        assertThat(line("使", "用", "_PostgreSQL", "_16", "_與", "Redis").text()).isEqualTo("使用 PostgreSQL 16 與Redis");
    }

    @Test
    void putsNoSpaceInsideJapaneseKanaAndKanjiRuns() {
        assertThat(line("カ", "_タ", "カ", "ナ", "_ー", "と", "_ひ", "ら", "が", "な", "_漢", "字")
                        .text())
                .isEqualTo("カタカナーとひらがな漢字");
    }

    @Test
    void followsTheRecogniserBetweenHangulWordsWhichKoreanSpaces() {
        assertThat(line("안", "녕", "하", "세", "요", "_세", "계").text()).isEqualTo("안녕하세요 세계");
    }

    @Test
    void setsNoSpaceAroundPunctuationInsideChineseText() {
        assertThat(line("表", "示", "_,", "_這", "些", "_。").text()).isEqualTo("表示,這些。");
        assertThat(line("負", "責", "人", "_：", "_王").text()).isEqualTo("負責人：王");
    }

    @Test
    void keepsLatinWordsApartWhateverTheyCarry() {
        assertThat(line("Hello", "world", "_again").text()).isEqualTo("Hello world again");
    }

    @Test
    void joinsWrappedLinesOfAChineseParagraphWithoutASpace() {
        assertThat(Line.join("展出多件清代手抄本與地方", "志。")).isEqualTo("展出多件清代手抄本與地方志。");
        assertThat(Line.join("館方表示，", "這些文獻")).isEqualTo("館方表示，這些文獻");
        assertThat(Line.join("the market", "opened")).isEqualTo("the market opened");
        assertThat(Line.join("使用", "PostgreSQL")).isEqualTo("使用 PostgreSQL");
    }

    @Test
    void pageTextHasNoSpacesInsideChineseLines() {
        PageResult page = new PageResult(
                1,
                1000,
                1000,
                300,
                0,
                0,
                "ocr",
                List.of(new PageResult.Block(
                        new BBox(0, 0, 1000, 400), 0.9, List.of(line("資", "_料", "_庫"), line("_Phase", "_2")))),
                List.of(),
                "chi_tra+eng");

        assertThat(page.text()).isEqualTo("資料庫\nPhase 2");
    }
}
