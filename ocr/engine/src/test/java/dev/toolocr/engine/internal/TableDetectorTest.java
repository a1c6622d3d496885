package dev.toolocr.engine.internal;

import static dev.toolocr.engine.TablePages.COLUMN_LINES;
import static dev.toolocr.engine.TablePages.HEIGHT;
import static dev.toolocr.engine.TablePages.ROW_LINES;
import static dev.toolocr.engine.TablePages.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.toolocr.engine.TablePages;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Cell;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Table;
import dev.toolocr.engine.model.PageResult.Word;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableDetectorTest {

    @Test
    void findsTheRuledGridWithItsCorners() {
        List<TableDetector.Grid> grids = TableDetector.grids(TablePages.tablePage(0), 300);

        assertThat(grids).hasSize(1);
        TableDetector.Grid grid = grids.get(0);
        assertThat(grid.rowCount()).isEqualTo(3);
        assertThat(grid.columnCount()).isEqualTo(4);
        for (int r = 0; r < ROW_LINES.length; r++) {
            for (int c = 0; c < COLUMN_LINES.length; c++) {
                double[] corner = grid.corner(r, c);
                assertThat(corner[0]).isCloseTo(COLUMN_LINES[c], within(2.0));
                assertThat(corner[1]).isCloseTo(ROW_LINES[r], within(2.0));
            }
        }
    }

    @Test
    void heavyScannerNoiseNeitherBreaksNorTiltsTheRules() {
        BufferedImage page = TablePages.tablePage(0);
        byte[] px = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        Random random = new Random(7);
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xff) + (int) (random.nextGaussian() * 60);
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }

        List<TableDetector.Grid> grids = TableDetector.grids(page, 300);

        assertThat(grids).hasSize(1);
        TableDetector.Grid grid = grids.get(0);
        assertThat(grid.rowCount()).isEqualTo(3);
        assertThat(grid.columnCount()).isEqualTo(4);
        double[] bottomRight = grid.corner(3, 4);
        assertThat(bottomRight[0]).isCloseTo(COLUMN_LINES[4], within(2.0));
        assertThat(bottomRight[1]).isCloseTo(ROW_LINES[3], within(2.0));
        assertThat(grid.anchors())
                .as("no cell merged")
                .isEqualTo(new int[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}});
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.2, 0.6, 1.5})
    void aLeaningTableStillYieldsEveryCell(double degrees) {
        List<TableDetector.Grid> grids = TableDetector.grids(TablePages.tablePage(degrees), 300);

        assertThat(grids).hasSize(1);
        TableDetector.Grid grid = grids.get(0);
        assertThat(grid.rowCount()).isEqualTo(3);
        assertThat(grid.columnCount()).isEqualTo(4);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                // A point near each drawn cell's top-left corner, turned like the page: it is the part
                // of a cell that a straight grid would most easily give to the neighbouring one.
                double[] p = turn(COLUMN_LINES[c] + 15, ROW_LINES[r] + 15, degrees);
                assertThat(grid.cellAt(p[0], p[1])).as("cell %d,%d", r, c).containsExactly(r, c);
            }
        }
        assertThat(grid.anchors()[2]).containsExactly(8, 9, 10, 11);
        double[] outside = turn(COLUMN_LINES[0] - 20, ROW_LINES[0] + 50, degrees);
        assertThat(grid.cellAt(outside[0], outside[1])).isNull();
    }

    @Test
    void aTableTurnedFarBeyondWhatDeskewLeavesIsNotTakenForOne() {
        // Straightening runs first, so lines this steep are letter strokes or drawings.
        assertThat(TableDetector.grids(TablePages.tablePage(8), 300)).isEmpty();
    }

    @Test
    void underlinesBoxesAndPageFramesAreNotTables() {
        assertThat(TableDetector.grids(TablePages.noTablePage(), 300)).isEmpty();
    }

    @Test
    void aSingleRowOrColumnOfCellsIsNotAGridButTwoByTwoIs() {
        assertThat(TableDetector.grids(ruled(new int[] {500, 700}, new int[] {300, 900, 1500}), 300))
                .isEmpty();
        assertThat(TableDetector.grids(ruled(new int[] {500, 700, 900}, new int[] {300, 900}), 300))
                .isEmpty();
        assertThat(TableDetector.grids(ruled(new int[] {500, 700, 900}, new int[] {300, 900, 1500}), 300))
                .hasSize(1);
    }

    @Test
    void thickBarsAndBlankPagesGiveNothing() {
        BufferedImage page = ruled(new int[] {}, new int[] {});
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        // A scanner's dark margin: long, but far too thick to be a rule.
        g.fillRect(0, 0, 150, HEIGHT);
        g.fillRect(0, 0, WIDTH, 150);
        g.dispose();
        assertThat(TableDetector.grids(page, 300)).isEmpty();
        assertThat(TableDetector.grids(ruled(new int[] {}, new int[] {}), 300)).isEmpty();
    }

    @Test
    void wordsGoToTheCellHoldingTheirCentreAndRulesReadAsGlyphsAreDropped() {
        BufferedImage page = ruled(new int[] {500, 600, 700}, new int[] {300, 900, 1500});
        List<Word> header = List.of(word("Name", 320, 520), word("|", 895, 520), word("Score", 920, 520));
        List<Word> body =
                List.of(word("Ada", 320, 620), word("Lovelace", 450, 620), word("|97", 895, 620), word("-", 1200, 620));
        List<Block> blocks = List.of(
                new Block(
                        new BBox(320, 520, 1100, 560),
                        0.9,
                        List.of(new Line(new BBox(320, 520, 1100, 560), 0.9, header))),
                new Block(
                        new BBox(320, 620, 1100, 660),
                        0.9,
                        List.of(new Line(new BBox(320, 620, 1100, 660), 0.9, body))),
                new Block(
                        new BBox(320, 900, 600, 940),
                        0.9,
                        List.of(new Line(new BBox(320, 900, 600, 940), 0.9, List.of(word("Below", 320, 900))))));

        List<Table> tables = TableDetector.detect(page, 300, blocks);

        assertThat(tables).hasSize(1);
        Table table = tables.get(0);
        assertThat(table.rows())
                .extracting(row -> row.stream().map(Cell::text).toList())
                .containsExactly(List.of("Name", "Score"), List.of("Ada Lovelace", "97 -"));
        assertThat(table.bbox().x0()).isCloseTo(300, within(2));
        assertThat(table.bbox().y1()).isCloseTo(700, within(2));
        BBox cell = table.rows().get(1).get(1).bbox();
        assertThat(cell.x0()).isCloseTo(900, within(2));
        assertThat(cell.y0()).isCloseTo(600, within(2));
        assertThat(cell.x1()).isCloseTo(1500, within(2));
        assertThat(cell.y1()).isCloseTo(700, within(2));
    }

    @Test
    void cellsWithoutARuleBetweenThemAreOneMergedCell() {
        // Rows at 500/600/700/800, columns at 300/900/1500/2100. The header spans all three columns;
        // the first column's two lower cells are one cell spanning two rows.
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = pen(page);
        for (int y : new int[] {500, 600, 800}) {
            g.drawLine(300, y, 2100, y);
        }
        g.drawLine(900, 700, 2100, 700);
        for (int x : new int[] {300, 2100}) {
            g.drawLine(x, 500, x, 800);
        }
        for (int x : new int[] {900, 1500}) {
            g.drawLine(x, 600, x, 800);
        }
        g.dispose();
        List<Word> words = List.of(
                word("Quarterly", 1000, 530),
                word("results", 1250, 530),
                word("North", 400, 680),
                word("Q1", 1000, 620),
                word("Q2", 1600, 620),
                word("8", 1000, 720),
                word("9", 1600, 720));
        List<Block> blocks = List.of(new Block(
                new BBox(400, 530, 1700, 760), 0.9, List.of(new Line(new BBox(400, 530, 1700, 760), 0.9, words))));

        List<Table> tables = TableDetector.detect(page, 300, blocks);

        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).rows())
                .extracting(row -> row.stream().map(Cell::text).toList())
                .containsExactly(
                        List.of("Quarterly results", "", ""), List.of("North", "Q1", "Q2"), List.of("", "8", "9"));
        BBox header = tables.get(0).rows().get(0).get(0).bbox();
        assertThat(header.x1()).isCloseTo(2100, within(2));
        assertThat(header.y1()).isCloseTo(600, within(2));
        BBox north = tables.get(0).rows().get(1).get(0).bbox();
        assertThat(north.x1()).isCloseTo(900, within(2));
        assertThat(north.y1()).isCloseTo(800, within(2));
        assertThat(tables.get(0).rows().get(1).get(1).bbox().y1()).isCloseTo(700, within(2));
    }

    @Test
    void aPageTiledWithThousandsOfCrossesIsNoTableAndCostsNoSquaredMemory() {
        // 173,000 one-pixel crosses at 100 dpi: every arm is a rule; pairing them all would want
        // tens of gigabytes.
        BufferedImage page = new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        for (int y = 12; y < page.getHeight() - 12; y += 24) {
            for (int x = 12; x < page.getWidth() - 12; x += 24) {
                g.drawLine(x - 10, y, x + 10, y);
                g.drawLine(x, y - 10, x, y + 10);
            }
        }
        g.dispose();

        assertThat(TableDetector.detect(page, 100, List.of())).isEmpty();
    }

    private static Word word(String text, int x, int y) {
        return new Word(text, new BBox(x, y, x + 25 * text.length(), y + 40), 0.9);
    }

    private static BufferedImage ruled(int[] rows, int[] columns) {
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = pen(page);
        for (int y : rows) {
            g.drawLine(columns[0], y, columns[columns.length - 1], y);
        }
        for (int x : columns) {
            g.drawLine(x, rows[0], x, rows[rows.length - 1]);
        }
        g.dispose();
        return page;
    }

    /** Where a point lands when the page is turned clockwise by {@code degrees} about its centre. */
    private static double[] turn(double x, double y, double degrees) {
        double a = Math.toRadians(degrees);
        double dx = x - WIDTH / 2.0;
        double dy = y - HEIGHT / 2.0;
        return new double[] {
            WIDTH / 2.0 + dx * Math.cos(a) - dy * Math.sin(a), HEIGHT / 2.0 + dx * Math.sin(a) + dy * Math.cos(a)
        };
    }

    /** White page, black 3 px pen, as a scanner sees table rules. */
    private static Graphics2D pen(BufferedImage page) {
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        return g;
    }
}
