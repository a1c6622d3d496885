package dev.toolocr.engine;

import dev.toolocr.engine.model.PageResult;
import java.awt.image.BufferedImage;
import java.time.Duration;

/**
 * One recognition engine (Tesseract now; PaddleOCR via ONNX Runtime later). Exporters and callers
 * only see {@link PageResult}s, so a new engine plugs in here without touching them. Implementations
 * must be safe to call from several threads at once.
 */
public interface OcrEngine extends AutoCloseable {

    String name();

    /** Throws LANGUAGE_NOT_INSTALLED naming the first missing language. */
    void checkLanguages(String languages) throws OcrException;

    /**
     * Recognises one page, giving up with PAGE_TIMEOUT once {@code limit} has passed: the engine's
     * own work stops then, so a pathological page does not keep a core busy after its task failed.
     */
    PageResult recognise(BufferedImage page, int dpi, String languages, Duration limit) throws OcrException;

    /**
     * Starts getting ready, in the background, to recognise {@code languages} (loading models takes
     * a while), so the first page need not wait for it after being read and prepared. Optional.
     */
    default void warmUp(String languages) {}

    @Override
    void close();
}
