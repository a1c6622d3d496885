package dev.toolocr.engine.internal;

import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF page's existing text layer with word positions, so born-digital pages are extracted
 * instead of OCR'd. Pages with too little real text (a scan with a stray header) return null.
 */
final class PdfTextExtractor extends PDFTextStripper {

    private static final int MIN_TEXT_CHARS = 20;

    private final double scale;
    private final List<Line> lines = new ArrayList<>();

    private PdfTextExtractor(double scale) {
        this.scale = scale;
        setSortByPosition(true);
    }

    static PageResult extract(PDDocument doc, int index, int dpi) throws IOException {
        double scale = dpi / 72.0;
        PdfTextExtractor stripper = new PdfTextExtractor(scale);
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.writeText(doc, new StringWriter());
        long chars = stripper.lines.stream()
                .flatMap(l -> l.words().stream())
                .mapToLong(w -> w.text()
                        .codePoints()
                        .filter(c -> !Character.isWhitespace(c) && c != 0xFFFD)
                        .count())
                .sum();
        if (chars < MIN_TEXT_CHARS) {
            return null;
        }
        PDRectangle box = doc.getPage(index).getCropBox();
        int width = (int) Math.round(box.getWidth() * scale);
        int height = (int) Math.round(box.getHeight() * scale);
        List<Block> blocks = List.of(new Block(
                TesseractEngine.union(stripper.lines.stream().map(Line::bbox).toList()),
                1.0,
                List.copyOf(stripper.lines)));
        return new PageResult(index + 1, width, height, dpi, 0, 0, "pdf_text", blocks, List.of(), "");
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        List<Word> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        for (TextPosition p : positions) {
            String unicode = p.getUnicode();
            if (unicode == null || unicode.isBlank()) {
                if (current.length() > 0) {
                    words.add(word(current.toString(), x0, y0, x1, y1));
                    current.setLength(0);
                }
                continue;
            }
            double left = p.getXDirAdj();
            double top = p.getYDirAdj() - p.getHeightDir();
            double right = left + p.getWidthDirAdj();
            double bottom = p.getYDirAdj();
            if (current.length() == 0) {
                x0 = left;
                y0 = top;
                x1 = right;
                y1 = bottom;
            } else {
                x0 = Math.min(x0, left);
                y0 = Math.min(y0, top);
                x1 = Math.max(x1, right);
                y1 = Math.max(y1, bottom);
            }
            current.append(unicode);
        }
        if (current.length() > 0) {
            words.add(word(current.toString(), x0, y0, x1, y1));
        }
        if (!words.isEmpty()) {
            lines.add(new Line(
                    TesseractEngine.union(words.stream().map(Word::bbox).toList()), 1.0, words));
        }
    }

    private Word word(String text, double x0, double y0, double x1, double y1) {
        return new Word(
                text,
                new BBox((int) Math.floor(x0 * scale), (int) Math.floor(y0 * scale), (int) Math.ceil(x1 * scale), (int)
                        Math.ceil(y1 * scale)),
                1.0);
    }
}
