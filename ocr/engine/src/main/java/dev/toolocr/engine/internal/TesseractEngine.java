package dev.toolocr.engine.internal;

import static org.bytedeco.tesseract.global.tesseract.PSM_AUTO;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_BLOCK;
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
    public void warmUp(String languages) {
        pool.warm(languages);
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
            List<Block> blocks = withMissedText(api, gray, dpi, collect(api.GetIterator()), monitor);
            if (monitor.deadline_exceeded()) {
                throw new OcrException(
                        ErrorCode.PAGE_TIMEOUT, "A page took longer than " + limit.toSeconds() + " seconds.");
            }
            return new PageResult(0, gray.getWidth(), gray.getHeight(), dpi, 0, 0, "ocr", blocks, List.of(), languages);
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
        String lineText = "";
        int cursor = 0;
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
                if (it.IsAtBeginningOf(RIL_TEXTLINE)) {
                    lineText = utf8(it.GetUTF8Text(RIL_TEXTLINE));
                    cursor = 0;
                }
                String word = utf8(it.GetUTF8Text(RIL_WORD)).strip();
                if (word.isEmpty()) {
                    continue;
                }
                // The line's text has the recogniser's spaces: find the word there and look before it.
                int at = lineText.indexOf(word, cursor);
                boolean spaceBefore = true;
                if (at >= 0) {
                    spaceBefore = at > cursor || cursor == 0;
                    cursor = at + word.length();
                }
                it.BoundingBox(RIL_WORD, x0, y0, x1, y1);
                words.add(new Word(
                        word, new BBox(x0[0], y0[0], x1[0], y1[0]), it.Confidence(RIL_WORD) / 100.0, spaceBefore));
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

    /**
     * Reads again, each as one block, the regions holding ink that page segmentation dropped
     * ({@link MissedText}), keeping the words read there with some confidence.
     */
    private static List<Block> withMissedText(
            TessBaseAPI api, BufferedImage gray, int dpi, List<Block> blocks, ETEXT_DESC monitor) {
        List<java.awt.Rectangle> missed = MissedText.regions(gray, dpi, blocks);
        if (missed.isEmpty()) {
            return blocks;
        }
        List<Block> all = new ArrayList<>(blocks);
        api.SetPageSegMode(PSM_SINGLE_BLOCK);
        try {
            for (java.awt.Rectangle r : missed) {
                api.SetRectangle(r.x, r.y, r.width, r.height);
                if (api.Recognize(monitor) != 0 || monitor.deadline_exceeded()) {
                    break;
                }
                for (Block b : collect(api.GetIterator())) {
                    Block kept = confident(b);
                    if (kept != null) {
                        all.add(kept);
                    }
                }
            }
        } finally {
            api.SetPageSegMode(PSM_AUTO);
        }
        return all;
    }

    /** Words read in a missed region are kept when fairly sure and made of more than punctuation. */
    static final double MIN_MISSED_CONFIDENCE = 0.6;

    private static Block confident(Block block) {
        List<Line> lines = new ArrayList<>();
        for (Line line : block.lines()) {
            List<Word> words = new ArrayList<>();
            for (Word w : line.words()) {
                if (w.confidence() >= MIN_MISSED_CONFIDENCE
                        && w.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words.add(w);
                }
            }
            flushLine(lines, words);
        }
        return lines.isEmpty() ? null : block(lines);
    }

    /** The text and frees it with Tesseract's own delete[] (JavaCPP's deallocate would not). */
    private static String utf8(BytePointer text) {
        if (text == null || text.isNull()) {
            return "";
        }
        try {
            return text.getString(java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            TessDeleteText(text);
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
