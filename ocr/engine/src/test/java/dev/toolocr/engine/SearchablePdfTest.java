package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.toolocr.engine.internal.SearchablePdf;
import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The searchable PDF's invisible text layer: every script extractable (no system font involved),
 * words where the image shows them, text matching the TXT output, and PDF/A-2b passing veraPDF.
 */
class SearchablePdfTest {

    static final int DPI = 300;
    static final double PX_PER_PT = DPI / 72.0;

    static final Pattern WORD_BOX = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    static final OcrProcessor processor = SharedProcessor.get();

    @TempDir
    Path out;

    /** Traditional Chinese (one character outside the BMP among them) beside Latin, on a blank page. */
    static PageResult mixedScripts() {
        List<Word> first = List.of(
                new Word("繁體中文", new BBox(100, 100, 500, 180), 0.9),
                new Word("測試", new BBox(540, 100, 740, 180), 0.9),
                new Word("𠀋字", new BBox(780, 100, 980, 180), 0.9));
        List<Word> second = List.of(
                new Word("Hello", new BBox(100, 300, 400, 380), 0.9),
                new Word("World", new BBox(440, 300, 760, 380), 0.9),
                new Word("國際", new BBox(800, 300, 1000, 380), 0.9));
        List<Line> lines = List.of(
                new Line(new BBox(100, 100, 980, 180), 0.9, first),
                new Line(new BBox(100, 300, 1000, 380), 0.9, second));
        return ocrPage(1, 1200, 800, 0, List.of(new Block(new BBox(100, 100, 1000, 380), 0.9, lines)));
    }

    /** The one place these tests build a page result, so a new model field is added once. */
    static PageResult ocrPage(int number, int width, int height, int rotation, List<Block> blocks) {
        return new PageResult(number, width, height, DPI, rotation, 0, "ocr", blocks, List.of(), "");
    }

    private Path writeMixed(boolean pdfA) throws Exception {
        Path pdf = out.resolve(pdfA ? "mixed-a.pdf" : "mixed.pdf");
        BufferedImage white = new BufferedImage(1200, 800, BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = new int[1200 * 800];
        java.util.Arrays.fill(samples, 255);
        white.getRaster().setSamples(0, 0, 1200, 800, 0, samples);
        try (SearchablePdf writer = SearchablePdf.forImages(pdfA)) {
            writer.addImagePage(white, DPI);
            writer.addTextLayer(0, mixedScripts());
            writer.save(pdf);
        }
        return pdf;
    }

    @Test
    void cjkAndLatinWordsAreExtractedByPdfBox() throws Exception {
        Path pdf = writeMixed(false);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            for (Word w : allRuns(mixedScripts())) {
                assertThat(text).contains(w.text());
            }
            assertThat(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                    .containsExactly("繁體中文測試𠀋字", "Hello World 國際");
        }
    }

    /**
     * A page scanned 3 degrees askew: words were found on the straightened page, as Tesseract
     * reports Chinese, one character a word; the text layer goes over the page as scanned.
     */
    static PageResult skewedPage() {
        List<Line> lines = new ArrayList<>();
        String[][] rows = {
            {"The", "river", "town", "kept", "its", "market", "on", "the", "old", "square"},
            {"Farmers", "came", "down", "from", "the", "hills", "before", "sunrise"},
            {"系", "統", "升", "級", "_Phase", "_1:", "_資", "料", "庫"},
        };
        for (int r = 0; r < rows.length; r++) {
            List<Word> words = new ArrayList<>();
            int x = 150;
            int y = 200 + r * 120;
            for (String spec : rows[r]) {
                boolean space = spec.startsWith("_") || spec.codePointAt(0) < 0x2E80;
                String text = spec.startsWith("_") ? spec.substring(1) : spec;
                boolean cjk = text.codePointAt(0) >= 0x2E80;
                int width = cjk ? 70 : 34 * text.length();
                words.add(new Word(text, new BBox(x, y, x + width, y + 70), 0.9, space));
                x += width + (cjk ? 6 : 28);
            }
            lines.add(new Line(new BBox(150, y, x, y + 70), 0.9, words));
        }
        return new PageResult(
                1,
                2200,
                800,
                DPI,
                0,
                3.0,
                "ocr",
                List.of(new Block(new BBox(150, 200, 2100, 510), 0.9, lines)),
                List.of(),
                "");
    }

    /** A straight page with a Chinese phrase among Latin words and a receipt's key–value line. */
    static PageResult straightPage() {
        PageResult skewed = skewedPage();
        List<Line> lines = new ArrayList<>(skewed.blocks().get(0).lines());
        Word item = new Word("Beef", new BBox(150, 560, 286, 630), 0.9);
        Word price = new Word("150", new BBox(1900, 560, 2002, 630), 0.9);
        lines.add(new Line(new BBox(150, 560, 2002, 630), 0.9, List.of(item, price)));
        return new PageResult(
                1,
                2200,
                800,
                DPI,
                0,
                0,
                "ocr",
                List.of(new Block(new BBox(150, 200, 2100, 630), 0.9, lines)),
                List.of(),
                "");
    }

    private Path write(PageResult page) throws Exception {
        Path pdf = out.resolve("layer.pdf");
        try (SearchablePdf writer = SearchablePdf.forImages(false)) {
            writer.addImagePage(new BufferedImage(page.width(), page.height(), BufferedImage.TYPE_BYTE_GRAY), DPI);
            writer.addTextLayer(0, page);
            writer.save(pdf);
        }
        return pdf;
    }

    /** The page's lines, block after block, as the TXT output has them. */
    private static List<String> expectedLines(PageResult page) {
        return page.blocks().stream()
                .flatMap(b -> b.lines().stream())
                .map(Line::text)
                .toList();
    }

    /**
     * A reader's lines, each stripped and with runs of whitespace read as one space: the blank that
     * spans a wide gap inside a line reads as spaces, more than one.
     */
    private static List<String> nonEmptyLines(String text) {
        return text.lines()
                .map(l -> l.strip().replaceAll("\\s+", " "))
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /**
     * A till receipt as the engine reads it: item names on the left and prices right-aligned far
     * from them, each item and its price one line, the lines less than one and a half sizes apart
     * (so poppler keeps them in one block), a zero price among them.
     */
    static PageResult receiptPage() {
        String[][] rows = {
            {"Beef noodle soup", "150"},
            {"Braised pork rice", "85"},
            {"Oolong tea", "40"},
            {"Pickled cucumber", "35"},
            {"Extra noodles", "0"},
            {"Soy milk", "30"},
            {"TOTAL", "340"},
        };
        List<Line> lines = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            int y = 150 + r * 52;
            List<Word> words = new ArrayList<>();
            int x = 60;
            for (String text : rows[r][0].split(" ")) {
                int width = 20 * text.length();
                words.add(new Word(text, new BBox(x, y, x + width, y + 40), 0.9));
                x += width + 14;
            }
            String price = rows[r][1];
            words.add(new Word(price, new BBox(885 - 20 * price.length(), y, 885, y + 40), 0.9));
            lines.add(new Line(new BBox(60, y, 885, y + 40), 0.9, words));
        }
        return ocrPage(1, 945, 700, 0, List.of(new Block(new BBox(60, 150, 885, 502), 0.9, lines)));
    }

    @Test
    void pdfBoxReadsEachLineWholeAndInOrder() throws Exception {
        try (PDDocument doc = Loader.loadPDF(write(straightPage()).toFile())) {
            assertThat(nonEmptyLines(new PDFTextStripper().getText(doc)))
                    .containsExactlyElementsOf(expectedLines(straightPage()))
                    .contains("系統升級 Phase 1: 資料庫", "Beef 150");
        }
    }

    /**
     * A page set in one type: a paragraph across the page, then two columns whose lines share
     * baselines, a gutter of two and a half sizes between them, as Tesseract gives them: a block each.
     */
    static PageResult twoColumnPage() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(textBlock(150, 150, 2, 2100, "Intro"));
        blocks.add(textBlock(150, 254, 8, 1000, "Left"));
        blocks.add(textBlock(1250, 254, 8, 1000, "Right"));
        return ocrPage(1, 2400, 800, 0, blocks);
    }

    /** {@code count} lines of words 40 px high, 52 px apart, each line {@code width} px long. */
    private static Block textBlock(int left, int top, int count, int width, String name) {
        List<Line> lines = new ArrayList<>();
        String[] vocabulary = {"river", "town", "kept", "its", "market", "on", "the", "old", "square", "at", "dawn"};
        for (int r = 0; r < count; r++) {
            int y = top + r * 52;
            List<Word> words = new ArrayList<>();
            words.add(new Word(name + r, new BBox(left, y, left + 110, y + 40), 0.9));
            int x = left + 130;
            for (int k = 0; ; k++) {
                String text = vocabulary[(r + k) % vocabulary.length];
                int end = x + 18 * text.length();
                if (end > left + width) {
                    break;
                }
                words.add(new Word(text, new BBox(x, y, end, y + 40), 0.9));
                x = end + 20;
            }
            Word last = words.get(words.size() - 1);
            lines.add(new Line(new BBox(left, y, last.bbox().x1(), y + 40), 0.9, words));
        }
        return new Block(
                new BBox(
                        left,
                        top,
                        lines.stream().mapToInt(l -> l.bbox().x1()).max().orElse(left),
                        top + count * 52),
                0.9,
                lines);
    }

    /** pdftotext's default reading order, its -raw content order and PDFBox all read these lines. */
    private static void assertEveryReaderReads(Path pdf, List<String> expected) throws Exception {
        assertThat(nonEmptyLines(pdftotext("-nopgbrk", pdf))).containsExactlyElementsOf(expected);
        assertThat(nonEmptyLines(pdftotext("-raw", pdf))).containsExactlyElementsOf(expected);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(nonEmptyLines(new PDFTextStripper().getText(doc))).containsExactlyElementsOf(expected);
        }
    }

    /**
     * Poppler grows a block into the lines below it that overlap it side to side: the paragraph
     * across the page would take in both columns, read line by line across the gutter.
     */
    @Test
    void everyReaderReadsTwoColumnsUnderAParagraphColumnByColumn() throws Exception {
        Path pdf = write(twoColumnPage());
        List<String> expected = expectedLines(twoColumnPage());
        assertThat(expected.get(2)).startsWith("Left0");
        assertEveryReaderReads(pdf, expected);
    }

    /**
     * pdftotext's default reading order takes a gap over 0.7 of the type size for a column gutter:
     * left as a gap, a receipt's prices would form a block of their own, read after every item.
     */
    @Test
    void everyReaderReadsAReceiptItemWithItsPrice() throws Exception {
        Path pdf = write(receiptPage());
        List<String> expected = expectedLines(receiptPage());
        assertThat(expected).contains("Beef noodle soup 150", "Extra noodles 0");
        assertEveryReaderReads(pdf, expected);
    }

    /**
     * The blank spanning a receipt's gap is a word of its own for poppler: selecting or finding an
     * item or a price highlights that word's image only, and the blank lies between them.
     */
    @Test
    void aReceiptsWordsKeepTheirBoxesBesideTheBlankBetweenThem() throws Exception {
        String xhtml = pdftotext("-bbox", write(receiptPage()));
        List<double[]> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Matcher m = WORD_BOX.matcher(xhtml);
        while (m.find()) {
            texts.add(m.group(5));
            boxes.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3))});
        }
        int blanks = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                blanks++;
                assertThat(i).isPositive().isLessThan(texts.size() - 1);
                assertThat(boxes.get(i)[0])
                        .as("blank starts after its item")
                        .isGreaterThanOrEqualTo(boxes.get(i - 1)[1]);
                assertThat(boxes.get(i)[1]).as("blank ends before its price").isLessThan(boxes.get(i + 1)[0]);
            }
        }
        assertThat(blanks).isEqualTo(receiptPage().blocks().get(0).lines().size());
        assertWordsWhereTheirBoxesAre(xhtml.replaceAll("<word[^>]*>\\s+</word>", ""), allRuns(receiptPage()));
    }

    @Test
    void pdftotextReadsEachLineWholeAndInOrder() throws Exception {
        Path pdf = write(straightPage());
        assertThat(nonEmptyLines(pdftotext("-raw", pdf))).containsExactlyElementsOf(expectedLines(straightPage()));
        assertThat(nonEmptyLines(pdftotext("-layout", pdf).replaceAll(" {2,}", " ")))
                .containsExactlyElementsOf(expectedLines(straightPage()));
    }

    /**
     * On a page 3 degrees askew pdftotext reads every line whole and in order, in content order
     * (-raw) and in its default reading order, which breaks words wherever a glyph's baseline moves
     * by half a point: each line is set level, so a Chinese run is not cut glyph by glyph.
     */
    @Test
    void pdftotextReadsEachSkewedLineWholeAndInOrder() throws Exception {
        Path pdf = write(skewedPage());
        assertThat(nonEmptyLines(pdftotext("-raw", pdf))).containsExactlyElementsOf(expectedLines(skewedPage()));
        assertThat(nonEmptyLines(pdftotext("-nopgbrk", pdf))).containsExactlyElementsOf(expectedLines(skewedPage()));
    }

    /**
     * Each word starts where the page as scanned shows it (its straightened start on the baseline, a
     * fifth of the line's height above its bottom where the font's descent ends, turned back by the
     * skew), within two pixels across; all words of a line share one level baseline, at the height
     * of the middle of the line's turned-back baseline.
     */
    @Test
    void skewedWordsStartAboveTheirImageOnOneLevelBaselinePerLine() throws Exception {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(write(skewedPage()).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.writeText(doc, new StringWriter());
        }
        java.awt.geom.AffineTransform unstraighten =
                java.awt.geom.AffineTransform.getRotateInstance(Math.toRadians(-3.0), 1100, 400);
        for (Line line : skewedPage().blocks().get(0).lines()) {
            // The line's last word that starts a run: inside a Chinese run glyphs are spread evenly.
            List<Word> words = line.words();
            int last = words.size() - 1;
            while (last > 0 && !Line.spaceBetween(words.get(last - 1), words.get(last))) {
                last--;
            }
            Word w = words.get(last);
            double baseline = w.bbox().y1() - 70 / 5.0;
            java.awt.geom.Point2D expected = unstraighten.transform(
                    new java.awt.geom.Point2D.Double(w.bbox().x0(), baseline), null);
            double middle = (words.get(0).bbox().x0()
                            + words.get(words.size() - 1).bbox().x1())
                    / 2.0;
            double level = unstraighten
                    .transform(new java.awt.geom.Point2D.Double(middle, baseline), null)
                    .getY();
            List<TextPosition> run = find(glyphs, w.text());
            assertThat(run).as(w.text()).isNotEmpty();
            TextPosition first = run.get(0);
            double x = first.getTextMatrix().getTranslateX() * PX_PER_PT;
            double y = (800 / PX_PER_PT - first.getTextMatrix().getTranslateY()) * PX_PER_PT;
            assertThat(x).as(w.text() + " x").isCloseTo(expected.getX(), within(2.0));
            assertThat(y).as(w.text() + " y").isCloseTo(level, within(2.0));
        }
    }

    @Test
    void pageWithoutWordsGetsNoTextLayer() throws Exception {
        Path pdf = out.resolve("empty.pdf");
        try (SearchablePdf writer = SearchablePdf.forImages(false)) {
            writer.addImagePage(new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY), DPI);
            writer.addTextLayer(0, ocrPage(1, 300, 300, 0, List.of()));
            writer.save(pdf);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getPage(0).getResources().getFontNames()).isEmpty();
            assertThat(new PDFTextStripper().getText(doc)).isBlank();
        }
    }

    @Test
    void textLayerDrawsNothing() throws Exception {
        Path pdf = writeMixed(false);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage shown = new PDFRenderer(doc).renderImageWithDPI(0, 72, ImageType.GRAY);
            int[] pixels = shown.getRaster().getPixels(0, 0, shown.getWidth(), shown.getHeight(), (int[]) null);
            assertThat(pixels).containsOnly(255);
        }
    }

    @Test
    void pdfBoxFindsEachWordInsideItsBox() throws Exception {
        Path pdf = writeMixed(false);
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.writeText(doc, new StringWriter());
        }
        for (Word w : allRuns(mixedScripts())) {
            List<TextPosition> run = find(glyphs, w.text());
            assertThat(run).as(w.text()).isNotEmpty();
            TextPosition firstGlyph = run.get(0);
            TextPosition lastGlyph = run.get(run.size() - 1);
            double left = firstGlyph.getXDirAdj() * PX_PER_PT;
            double right = (lastGlyph.getXDirAdj() + lastGlyph.getWidthDirAdj()) * PX_PER_PT;
            double baseline = firstGlyph.getYDirAdj() * PX_PER_PT;
            assertThat(left).as(w.text() + " left").isCloseTo(w.bbox().x0(), within(2.0));
            assertThat(right).as(w.text() + " right").isCloseTo(w.bbox().x1(), within(2.0));
            assertThat(baseline)
                    .as(w.text() + " baseline")
                    .isBetween((double) w.bbox().y0(), (double) w.bbox().y1());
        }
    }

    @Test
    void pdftotextGivesBackEveryWordWithItsBox() throws Exception {
        Path pdf = writeMixed(false);
        String xhtml = pdftotext("-bbox", pdf);
        assertWordsWhereTheirBoxesAre(xhtml, allRuns(mixedScripts()));
        assertThat(pdftotext("-layout", pdf)).contains("繁體中文", "𠀋字", "Hello", "國際");
    }

    /**
     * A page scanned sideways: the image goes in as scanned, the words were found on the upright
     * page, and the page's /Rotate shows it upright; the words must land where the viewer shows them.
     */
    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void wordsOfATurnedPageLandWhereTheUprightPageShowsThem(int rotation) throws Exception {
        PageResult upright = mixedScripts();
        boolean sideways = rotation % 180 != 0;
        PageResult turned = ocrPage(1, 1200, 800, rotation, upright.blocks());
        int scanWidth = sideways ? 800 : 1200;
        int scanHeight = sideways ? 1200 : 800;
        Path pdf = out.resolve("turned.pdf");
        try (SearchablePdf writer = SearchablePdf.forImages(false)) {
            writer.addImagePage(new BufferedImage(scanWidth, scanHeight, BufferedImage.TYPE_BYTE_GRAY), DPI);
            writer.addTextLayer(0, turned);
            writer.save(pdf);
        }
        String xhtml = pdftotext("-bbox", pdf);
        assertWordsWhereTheirBoxesAre(xhtml, allRuns(upright));
    }

    @Test
    void textLayerReadsBackWithinTwoPercentOfTheTxtOutput() throws Exception {
        processor.process(
                TestCorpus.file("linn.png"),
                "linn.png",
                OcrOptions.defaults().withFormats(EnumSet.of(OutputFormat.PDF, OutputFormat.TXT)),
                out,
                "linn",
                (done, total) -> {},
                CancellationToken.NEVER);
        String txt = Files.readString(out.resolve("linn.txt"));
        assertThat(txt.length()).isGreaterThan(1000);
        try (PDDocument doc = Loader.loadPDF(out.resolve("linn.pdf").toFile())) {
            double cer = Cer.of(new PDFTextStripper().getText(doc), txt);
            System.out.printf("linn.png: PDFBox text layer CER against TXT %.4f%n", cer);
            assertThat(cer).isLessThan(0.02);
        }
        double cer = Cer.of(pdftotext("-raw", out.resolve("linn.pdf")), txt);
        System.out.printf("linn.png: pdftotext text layer CER against TXT %.4f%n", cer);
        assertThat(cer).isLessThan(0.02);
    }

    @Test
    void pdfAFromAnImagePassesVeraPdf() throws Exception {
        processor.process(
                TestCorpus.file("linn.png"),
                "linn.png",
                OcrOptions.defaults().withFormats(EnumSet.of(OutputFormat.PDF)).withPdfA(true),
                out,
                "linn",
                (done, total) -> {},
                CancellationToken.NEVER);
        assertThat(PdfAValidation.failuresAgainst2b(out.resolve("linn.pdf"))).isEmpty();
        try (PDDocument doc = Loader.loadPDF(out.resolve("linn.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("LinnSequencer");
        }
    }

    @Test
    void pdfAFromAScannedPdfPassesVeraPdfAndKeepsItsPages() throws Exception {
        Path source = TestCorpus.file("skew.pdf");
        processor.process(
                source,
                "skew.pdf",
                OcrOptions.defaults().withFormats(EnumSet.of(OutputFormat.PDF)).withPdfA(true),
                out,
                "skew",
                (done, total) -> {},
                CancellationToken.NEVER);
        Path pdf = out.resolve("skew.pdf");
        assertThat(PdfAValidation.failuresAgainst2b(pdf)).isEmpty();
        try (PDDocument original = Loader.loadPDF(source.toFile());
                PDDocument result = Loader.loadPDF(pdf.toFile())) {
            assertThat(result.getNumberOfPages()).isEqualTo(original.getNumberOfPages());
            assertThat(result.getPage(0).getMediaBox().toString())
                    .isEqualTo(original.getPage(0).getMediaBox().toString());
            assertThat(result.getPage(0).getResources().getXObjectNames())
                    .containsAll(original.getPage(0).getResources().getXObjectNames());
            assertThat(new PDFTextStripper().getText(result).strip()).isNotEmpty();
        }
    }

    @Test
    void pdfAWithCjkTextPassesVeraPdf() throws Exception {
        Path pdf = writeMixed(true);
        assertThat(PdfAValidation.failuresAgainst2b(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("繁體中文", "𠀋字");
        }
    }

    @Test
    void withoutTheOptionOutputIsNotClaimedPdfA() throws Exception {
        assertThat(PdfAValidation.failuresAgainst2b(writeMixed(false))).isNotEmpty();
    }

    @Test
    void pdfAIsRefusedWithAReasonForAPdfWhosePagesForbidIt() {
        assertThatThrownBy(() -> processor.process(
                        TestCorpus.file("link.pdf"),
                        "link.pdf",
                        OcrOptions.defaults()
                                .withFormats(EnumSet.of(OutputFormat.PDF))
                                .withPdfA(true),
                        out,
                        "link",
                        (done, total) -> {},
                        CancellationToken.NEVER))
                .isInstanceOfSatisfying(OcrException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PDFA_NOT_POSSIBLE);
                    assertThat(e.getMessage())
                            .contains("PDF/A")
                            .contains("annotations")
                            .doesNotContain("\n");
                });
        assertThat(out.resolve("link.pdf")).doesNotExist();
    }

    @Test
    void pdfAIsRefusedForVectorDrawingInDeviceCmyk() throws Exception {
        Path source = out.resolve("cmyk-vector.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(0f, 0f, 0f, 1f);
                cs.addRect(72, 72, 200, 100);
                cs.fill();
            }
            doc.save(source.toFile());
        }
        assertThatThrownBy(() -> SearchablePdf.overPdf(source, true))
                .isInstanceOfSatisfying(
                        OcrException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("This PDF cannot be made PDF/A without changing its pages:"
                                        + " it paints in device CMYK colours."));
        SearchablePdf.overPdf(source, false).close();
    }

    /**
     * The PDF/A promise for PDF inputs, over the whole corpus: each PDF either conforms once the
     * text layer is on it, or is refused up front with the reason. (No recognition needed: one
     * made-up word per page stands in for the text layer.)
     */
    @Test
    void everyCorpusPdfIsRefusedOrConformsToPdfA() throws Exception {
        Map<String, List<String>> falseClaims = new TreeMap<>();
        List<String> made = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (var files = Files.list(TestCorpus.dir())) {
            for (Path source :
                    files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList()) {
                Path target = out.resolve(source.getFileName());
                try (SearchablePdf writer = SearchablePdf.overPdf(source, true)) {
                    try (PDDocument original = Loader.loadPDF(source.toFile())) {
                        for (int i = 0; i < original.getNumberOfPages(); i++) {
                            writer.addTextLayer(
                                    i, oneWordPage(i + 1, original.getPage(i).getCropBox()));
                        }
                    }
                    writer.save(target);
                } catch (OcrException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.PDFA_NOT_POSSIBLE);
                    refused.add(source.getFileName() + ": " + e.getMessage());
                    continue;
                } catch (IOException unreadable) {
                    continue; // invalid.pdf: refused as a damaged file before any PDF is made
                }
                made.add(source.getFileName().toString());
                List<String> failures = PdfAValidation.failuresAgainst2b(target);
                if (!failures.isEmpty()) {
                    falseClaims.put(source.getFileName().toString(), failures);
                }
            }
        }
        System.out.println(
                "PDF/A made for " + made.size() + " corpus PDFs; refused:\n  " + String.join("\n  ", refused));
        assertThat(falseClaims).isEmpty();
        assertThat(made).contains("skew.pdf", "multipage.pdf", "linn.pdf", "jbig2.pdf");
    }

    private static PageResult oneWordPage(int number, PDRectangle box) {
        int width = Math.max(1, Math.round(box.getWidth() * DPI / 72f));
        int height = Math.max(1, Math.round(box.getHeight() * DPI / 72f));
        BBox word = new BBox(width / 4, height / 4, width / 2, height / 4 + Math.max(2, height / 40));
        return ocrPage(
                number,
                width,
                height,
                0,
                List.of(new Block(word, 0.9, List.of(new Line(word, 0.9, List.of(new Word("Probe", word, 0.9)))))));
    }

    /**
     * The page's words as a text layer sets them: neighbours with no space between them (a Chinese
     * phrase) as one run over their joint box.
     */
    private static List<Word> allRuns(PageResult page) {
        List<Word> runs = new ArrayList<>();
        for (Block b : page.blocks()) {
            for (Line l : b.lines()) {
                Word run = null;
                for (Word w : l.words()) {
                    if (run != null && !Line.spaceBetween(run, w)) {
                        run = new Word(
                                run.text() + w.text(),
                                new BBox(
                                        run.bbox().x0(),
                                        Math.min(run.bbox().y0(), w.bbox().y0()),
                                        w.bbox().x1(),
                                        Math.max(run.bbox().y1(), w.bbox().y1())),
                                run.confidence());
                        runs.set(runs.size() - 1, run);
                    } else {
                        run = w;
                        runs.add(w);
                    }
                }
            }
        }
        return runs;
    }

    /** The glyphs spelling {@code text}, in a row. */
    private static List<TextPosition> find(List<TextPosition> glyphs, String text) {
        for (int start = 0; start < glyphs.size(); start++) {
            StringBuilder sb = new StringBuilder();
            int end = start;
            while (end < glyphs.size() && sb.length() < text.length()) {
                sb.append(glyphs.get(end).getUnicode());
                end++;
            }
            if (sb.toString().equals(text)) {
                return glyphs.subList(start, end);
            }
        }
        return List.of();
    }

    /**
     * Every word of pdftotext's {@code -bbox} output is one of {@code expected}, in order, within 2 px
     * of that word's box on the page image.
     */
    private static void assertWordsWhereTheirBoxesAre(String xhtml, List<Word> expected) {
        Matcher m = WORD_BOX.matcher(xhtml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String text = m.group(5);
            found.add(text);
            Word w = expected.stream()
                    .filter(e -> e.text().equals(text))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected word " + text));
            int[] box = {w.bbox().x0(), w.bbox().y0(), w.bbox().x1(), w.bbox().y1()};
            String[] edges = {"xMin", "yMin", "xMax", "yMax"};
            for (int k = 0; k < 4; k++) {
                assertThat(Double.parseDouble(m.group(k + 1)) * PX_PER_PT)
                        .as(text + " " + edges[k])
                        .isCloseTo(box[k], within(2.0));
            }
        }
        assertThat(found)
                .containsExactlyElementsOf(expected.stream().map(Word::text).toList());
    }

    /** Poppler's pdftotext: installed with poppler-utils; CI must have it, elsewhere its absence skips. */
    private static String pdftotext(String option, Path pdf) throws IOException, InterruptedException {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "pdftotext")));
        if (!installed) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but pdftotext (poppler-utils) is not installed");
            }
            Assumptions.abort("NOTICE: pdftotext (poppler-utils) not installed");
        }
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", option, pdf.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
