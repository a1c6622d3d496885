package dev.toolocr.engine;

import dev.toolocr.engine.model.PageResult;
import java.awt.image.BufferedImage;

/**
 * One recognition engine (Tesseract now; PaddleOCR via ONNX Runtime later). Exporters and callers
 * only see {@link PageResult}s, so a new engine plugs in here without touching them. Implementations
 * must be safe to call from several threads at once.
 */
public interface OcrEngine extends AutoCloseable {

    String name();

    /** Throws LANGUAGE_NOT_INSTALLED naming the first missing language. */
    void checkLanguages(String languages) throws OcrException;

    PageResult recognise(BufferedImage page, int dpi, String languages) throws OcrException;

    @Override
    void close();
}
