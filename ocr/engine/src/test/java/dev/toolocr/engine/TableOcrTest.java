package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drawn pages with a ruled table go through the whole processor: the Markdown carries a GFM table
 * with the right text in each cell and no copy of it as paragraphs, the JSON carries the grid.
 */
class TableOcrTest {

    static final OcrProcessor processor = SharedProcessor.get();

    @TempDir
    Path out;

    @Test
    void aRuledTableBecomesAGfmTableAndJsonGrid() throws Exception {
        run(TablePages.tablePage(0), "table");

        String md = Files.readString(out.resolve("table.md"));
        assertThat(tableRows(md))
                .containsExactly(
                        "| Item | Quantity | Price | Origin |",
                        "| --- | --- | --- | --- |",
                        "| Apples | 12 | 3.40 | Spain |",
                        "| Pears | 7 | 2.15 | Italy |");
        assertThat(md).contains("## Fruit Delivery Report");
        assertThat(md.indexOf("following table")).isLessThan(md.indexOf("| Item"));
        assertThat(md.indexOf("| Pears")).isLessThan(md.indexOf("All deliveries arrived"));
        assertThat(md.replaceAll("(?m)^\\|.*$", "")).doesNotContain("Apples", "Spain", "Quantity");

        JsonNode tables = json("table").at("/pages/0/tables");
        assertThat(tables.size()).isEqualTo(1);
        JsonNode rows = tables.at("/0/rows");
        assertThat(rows.size()).isEqualTo(3);
        for (int r = 0; r < 3; r++) {
            assertThat(rows.get(r).size()).isEqualTo(4);
            for (int c = 0; c < 4; c++) {
                assertThat(rows.get(r).get(c).path("text").asText())
                        .isEqualTo(TablePages.FRUIT.get(r).get(c));
            }
        }
        JsonNode cell = rows.at("/1/2/bbox");
        assertThat(cell.path("x0").asInt()).isBetween(1245, 1255);
        assertThat(cell.path("y0").asInt()).isBetween(1005, 1015);
        assertThat(cell.path("x1").asInt()).isBetween(1695, 1705);
        assertThat(cell.path("y1").asInt()).isBetween(1115, 1125);
        assertThat(tables.at("/0/bbox/x0").asInt()).isBetween(295, 305);
    }

    @Test
    void aSlightlySkewedTableKeepsItsCells() throws Exception {
        run(TablePages.tablePage(1.2), "skewed");

        assertThat(tableRows(Files.readString(out.resolve("skewed.md"))))
                .containsExactly(
                        "| Item | Quantity | Price | Origin |",
                        "| --- | --- | --- | --- |",
                        "| Apples | 12 | 3.40 | Spain |",
                        "| Pears | 7 | 2.15 | Italy |");
        JsonNode page = json("skewed").at("/pages/0");
        assertThat(Math.abs(page.path("skew").asDouble())).isGreaterThan(0.5);
        assertThat(page.at("/tables/0/rows/2/3/text").asText()).isEqualTo("Italy");
    }

    @Test
    void underlinesAndABoxedParagraphStayText() throws Exception {
        run(TablePages.noTablePage(), "plain");

        String md = Files.readString(out.resolve("plain.md"));
        assertThat(tableRows(md)).isEmpty();
        assertThat(md).contains("single cell and not a table", "Signature");
        assertThat(json("plain").at("/pages/0/tables").size()).isZero();
    }

    @Test
    void theTableInTheCorpusTaggedPdfIsFoundWhenItsPageIsRecognised() throws Exception {
        processor.process(
                TestCorpus.file("tagged.pdf"),
                "tagged.pdf",
                OcrOptions.defaults()
                        .withForceOcr(true)
                        .withFormats(EnumSet.of(OutputFormat.JSON, OutputFormat.MARKDOWN)),
                out,
                "tagged",
                ProgressListener.NONE,
                CancellationToken.NEVER);

        assertThat(tableRows(Files.readString(out.resolve("tagged.md"))))
                .containsExactly(
                        "| Column 1 | Column 2 |", "| --- | --- |", "| Cell 1 | Cell 2 |", "| Cell 3 | Cell 4 |");
        JsonNode json = json("tagged");
        assertThat(json.at("/pages/0/tables").size()).isEqualTo(1);
        assertThat(json.at("/pages/1/tables").size()).isZero();
    }

    @Test
    void aTextPdfsRuledTableIsFoundFromItsDrawingWithoutOcr() throws Exception {
        processor.process(
                TestCorpus.file("tagged.pdf"),
                "tagged.pdf",
                OcrOptions.defaults().withFormats(EnumSet.of(OutputFormat.JSON, OutputFormat.MARKDOWN)),
                out,
                "text",
                ProgressListener.NONE,
                CancellationToken.NEVER);

        JsonNode json = json("text");
        assertThat(json.at("/pages/0/text_source").asText()).isEqualTo("pdf_text");
        assertThat(tableRows(Files.readString(out.resolve("text.md"))))
                .containsExactly(
                        "| Column 1 | Column 2 |", "| --- | --- |", "| Cell 1 | Cell 2 |", "| Cell 3 | Cell 4 |");
        JsonNode table = json.at("/pages/0/tables/0");
        // The grid is found at 150 dpi and scaled to the text's 300 dpi coordinates.
        assertThat(table.at("/bbox/x1").asInt())
                .isGreaterThan(json.at("/pages/0/width").asInt() * 3 / 4);
        assertThat(json.at("/pages/1/tables").size()).isZero();
    }

    private void run(BufferedImage page, String name) throws Exception {
        Path input = out.resolve(name + ".png");
        ImageIO.write(page, "png", input.toFile());
        processor.process(
                input,
                name + ".png",
                OcrOptions.defaults().withFormats(EnumSet.of(OutputFormat.JSON, OutputFormat.MARKDOWN)),
                out,
                name,
                ProgressListener.NONE,
                CancellationToken.NEVER);
    }

    private JsonNode json(String name) throws Exception {
        return new ObjectMapper().readTree(out.resolve(name + ".json").toFile());
    }

    private static List<String> tableRows(String markdown) {
        List<String> rows = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                rows.add(line);
            }
        }
        return rows;
    }
}
