package dev.toolocr.engine.internal;

import static org.bytedeco.tesseract.global.tesseract.PSM_OSD_ONLY;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * Finds whether a page lies on its side or upside down, with Tesseract's orientation and script
 * detection ({@code osd.traineddata}). Works on any language's pages, so it runs before recognition
 * whatever engine recognises them. Thread-safe: each call borrows one of a pool of OSD instances.
 */
final class OrientationDetector implements AutoCloseable {

    /**
     * Tesseract's orientation confidence below which the page is left as it is. Turning an upright
     * page by mistake ruins it, while a page left sideways at least keeps what it had; sparse or noisy
     * pages land between 1 and 3, real turns of text pages score well above.
     */
    static final float MIN_CONFIDENCE = 3.0f;

    private static final String OSD = "osd";

    private final boolean available;
    private final TesseractPool pool;

    OrientationDetector(Path tessdata) {
        this.available = Files.isRegularFile(tessdata.resolve("osd.traineddata"));
        this.pool = new TesseractPool(tessdata, PSM_OSD_ONLY);
    }

    /** False when osd.traineddata is missing: pages are then taken as upright. */
    boolean available() {
        return available;
    }

    /**
     * The clockwise turn (0, 90, 180 or 270 degrees) that makes the page's text upright; 0 when unsure.
     *
     * @param gray an 8-bit grey image with a packed raster
     */
    int uprightTurn(BufferedImage gray, int dpi) {
        if (!available) {
            return 0;
        }
        TessBaseAPI api = pool.borrow(OSD);
        if (api == null) {
            return 0;
        }
        try (IntPointer degrees = new IntPointer(1);
                FloatPointer confidence = new FloatPointer(1);
                FloatPointer scriptConfidence = new FloatPointer(1);
                PointerPointer<?> script = new PointerPointer<>(1)) {
            byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
            api.SetSourceResolution(dpi);
            boolean found = api.DetectOrientationScript(degrees, confidence, script, scriptConfidence);
            api.Clear();
            if (!found || confidence.get() < MIN_CONFIDENCE) {
                return 0;
            }
            // Tesseract reports how far the text is turned clockwise; undoing it is the opposite turn.
            return (360 - Math.floorMod(degrees.get(), 360)) % 360;
        } finally {
            pool.giveBack(OSD, api);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
