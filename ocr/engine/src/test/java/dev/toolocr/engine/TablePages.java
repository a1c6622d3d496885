package dev.toolocr.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** A4 pages at 300 dpi drawn with Java2D: ruled tables, underlines and boxes with known text. */
public final class TablePages {

    public static final int WIDTH = 2480;
    public static final int HEIGHT = 3508;

    public static final List<List<String>> FRUIT = List.of(
            List.of("Item", "Quantity", "Price", "Origin"),
            List.of("Apples", "12", "3.40", "Spain"),
            List.of("Pears", "7", "2.15", "Italy"));

    /** Where the table's grid lines are drawn, before any turn. */
    public static final int[] ROW_LINES = {900, 1010, 1120, 1230};

    public static final int[] COLUMN_LINES = {300, 800, 1250, 1700, 2180};

    private TablePages() {}

    /** A heading, a paragraph, the fruit table and a closing paragraph, turned clockwise by {@code degrees}. */
    public static BufferedImage tablePage(double degrees) {
        BufferedImage page = blank();
        Graphics2D g = graphics(page, degrees);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 70));
            g.drawString("Fruit Delivery Report", 300, 450);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 42));
            g.drawString("The following table lists the fruit received this week.", 300, 650);
            g.drawString("Prices are given per kilogram.", 300, 720);
            g.setStroke(new BasicStroke(3));
            for (int y : ROW_LINES) {
                g.drawLine(COLUMN_LINES[0], y, COLUMN_LINES[COLUMN_LINES.length - 1], y);
            }
            for (int x : COLUMN_LINES) {
                g.drawLine(x, ROW_LINES[0], x, ROW_LINES[ROW_LINES.length - 1]);
            }
            for (int r = 0; r < FRUIT.size(); r++) {
                for (int c = 0; c < FRUIT.get(r).size(); c++) {
                    g.drawString(FRUIT.get(r).get(c), COLUMN_LINES[c] + 30, ROW_LINES[r] + 72);
                }
            }
            g.drawString("All deliveries arrived on time and in good condition.", 300, 1450);
        } finally {
            g.dispose();
        }
        return page;
    }

    /** Underlined words, a boxed paragraph and a frame around the page: rules, but no grid. */
    public static BufferedImage noTablePage() {
        BufferedImage page = blank();
        Graphics2D g = graphics(page, 0);
        try {
            g.setStroke(new BasicStroke(3));
            g.drawRect(120, 120, WIDTH - 240, HEIGHT - 240);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 42));
            g.drawString("Signature", 300, 600);
            g.drawLine(300, 615, 1000, 615);
            g.drawString("Date", 1300, 600);
            g.drawLine(1300, 615, 2100, 615);
            g.drawRect(300, 900, 1800, 400);
            g.drawString("This paragraph sits inside a box to draw attention.", 350, 1000);
            g.drawString("It is a single cell and not a table at all.", 350, 1070);
            g.drawLine(300, 1600, 2100, 1600);
            g.drawString("Text between two long rules is not a table either.", 350, 1680);
            g.drawLine(300, 1720, 2100, 1720);
        } finally {
            g.dispose();
        }
        return page;
    }

    private static BufferedImage blank() {
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return page;
    }

    private static Graphics2D graphics(BufferedImage page, double degrees) {
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.rotate(Math.toRadians(degrees), WIDTH / 2.0, HEIGHT / 2.0);
        g.setColor(Color.BLACK);
        return g;
    }
}
