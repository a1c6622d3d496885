package dev.toolocr.engine.internal;

import static org.bytedeco.tesseract.global.tesseract.PSM_AUTO;
import static org.bytedeco.tesseract.global.tesseract.RIL_BLOCK;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;

import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrEngine;
import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * Tesseract 5 through the native library bundled in {@code org.bytedeco:tesseract}. Instances are
 * expensive to create and not thread-safe, so each language combination keeps a small pool; a page
 * borrows one instance for its recognition.
 */
public final class TesseractEngine implements OcrEngine {

    private final Path tessdata;
    private final TesseractPool pool;

    public TesseractEngine(Path tessdata) {
        this.tessdata = tessdata;
        this.pool = new TesseractPool(tessdata, PSM_AUTO);
    }

    @Override
    public String name() {
        return "tesseract";
    }

    @Override
    public void checkLanguages(String languages) throws OcrException {
        for (String lang : languages.split("\\+")) {
            if (!Files.isRegularFile(tessdata.resolve(lang + ".traineddata"))) {
                throw LanguageData.notInstalled(lang);
            }
        }
    }

    @Override
    public PageResult recognise(BufferedImage image, int dpi, String languages, Duration limit) throws OcrException {
        // Languages are checked once per document (OcrProcessor.requireLanguages), not per page; one
        // that cannot load still fails in borrow().
        BufferedImage gray = Images.toGray(image);
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        TessBaseAPI api = borrow(languages);
        // Tesseract checks the monitor's deadline between words and stops there.
        ETEXT_DESC monitor = new ETEXT_DESC();
        try {
            monitor.set_deadline_msecs((int) Math.min(Integer.MAX_VALUE, Math.max(1, limit.toMillis())));
            api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
            api.SetSourceResolution(dpi);
            int status = api.Recognize(monitor);
            if (monitor.deadline_exceeded()) {
                throw new OcrException(
                        ErrorCode.PAGE_TIMEOUT, "A page took longer than " + limit.toSeconds() + " seconds.");
            }
            if (status != 0) {
                throw new OcrException(ErrorCode.ENGINE_FAILURE, "Tesseract could not recognise the page.");
            }
            List<Block> blocks = collect(api.GetIterator());
            return new PageResult(0, gray.getWidth(), gray.getHeight(), dpi, 0, 0, "ocr", blocks, List.of());
        } finally {
            // Cleared on every path, so the next page never starts from this one's image or results.
            api.Clear();
            monitor.deallocate();
            pool.giveBack(languages, api);
        }
    }

    private static List<Block> collect(ResultIterator it) {
        List<Block> blocks = new ArrayList<>();
        if (it == null || it.isNull()) {
            return blocks;
        }
        List<Line> lines = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        int[] x0 = new int[1];
        int[] y0 = new int[1];
        int[] x1 = new int[1];
        int[] y1 = new int[1];
        try {
            it.Begin();
            do {
                if (it.IsAtBeginningOf(RIL_BLOCK) && (!lines.isEmpty() || !words.isEmpty())) {
                    flushLine(lines, words);
                    blocks.add(block(lines));
                    lines = new ArrayList<>();
                } else if (it.IsAtBeginningOf(RIL_TEXTLINE) && !words.isEmpty()) {
                    flushLine(lines, words);
                }
                BytePointer text = it.GetUTF8Text(RIL_WORD);
                if (text == null || text.isNull()) {
                    continue;
                }
                String word;
                try {
                    word = text.getString(java.nio.charset.StandardCharsets.UTF_8)
                            .strip();
                } finally {
                    // Tesseract's own delete[]: a pointer JavaCPP got back from native code owns nothing,
                    // so Pointer.deallocate() would leave every word's bytes behind.
                    TessDeleteText(text);
                }
                if (word.isEmpty()) {
                    continue;
                }
                it.BoundingBox(RIL_WORD, x0, y0, x1, y1);
                words.add(new Word(word, new BBox(x0[0], y0[0], x1[0], y1[0]), it.Confidence(RIL_WORD) / 100.0));
            } while (it.Next(RIL_WORD));
            flushLine(lines, words);
            if (!lines.isEmpty()) {
                blocks.add(block(lines));
            }
            return blocks;
        } finally {
            TessResultIteratorDelete(it);
        }
    }

    private static void flushLine(List<Line> lines, List<Word> words) {
        if (words.isEmpty()) {
            return;
        }
        List<Word> copy = List.copyOf(words);
        lines.add(new Line(
                union(copy.stream().map(Word::bbox).toList()),
                mean(copy.stream().mapToDouble(Word::confidence).toArray()),
                copy));
        words.clear();
    }

    private static Block block(List<Line> lines) {
        List<Line> copy = List.copyOf(lines);
        return new Block(
                union(copy.stream().map(Line::bbox).toList()),
                mean(copy.stream().mapToDouble(Line::confidence).toArray()),
                copy);
    }

    static BBox union(List<BBox> boxes) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
        for (BBox b : boxes) {
            x0 = Math.min(x0, b.x0());
            y0 = Math.min(y0, b.y0());
            x1 = Math.max(x1, b.x1());
            y1 = Math.max(y1, b.y1());
        }
        return boxes.isEmpty() ? new BBox(0, 0, 0, 0) : new BBox(x0, y0, x1, y1);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : Math.round(sum / values.length * 1000) / 1000.0;
    }

    private TessBaseAPI borrow(String languages) throws OcrException {
        TessBaseAPI api = pool.borrow(languages);
        if (api == null) {
            throw new OcrException(
                    ErrorCode.LANGUAGE_NOT_INSTALLED, "Tesseract could not load languages " + languages + ".");
        }
        return api;
    }

    @Override
    public void close() {
        pool.close();
    }
}
