package dev.toolocr.engine.internal;

import static org.bytedeco.tesseract.global.tesseract.PSM_OSD_ONLY;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
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

    /** Script confidence below which the script is taken as unknown (Tesseract's scale; 0 is a guess). */
    static final float MIN_SCRIPT_CONFIDENCE = 0.5f;

    private static final String OSD = "osd";

    private final boolean available;
    private final TesseractPool pool;

    OrientationDetector(Path tessdata) {
        this.available = Files.isRegularFile(tessdata.resolve("osd.traineddata"));
        this.pool = new TesseractPool(tessdata, PSM_OSD_ONLY);
    }

    /** Starts loading an instance in the background (see {@link TesseractPool#warm}). */
    void warm() {
        if (available) {
            pool.warm(OSD);
        }
    }

    /** False when osd.traineddata is missing: pages are then taken as upright. */
    boolean available() {
        return available;
    }

    /**
     * What orientation and script detection found on a page.
     *
     * @param turn the clockwise turn (0, 90, 180 or 270 degrees) that makes the page's text upright;
     *     0 when unsure
     * @param script Tesseract's name of the page's main script ({@code Latin}, {@code Han}, {@code
     *     Japanese}, {@code Korean}, ...), or null when it could not tell
     */
    record Osd(int turn, String script) {
        static final Osd NONE = new Osd(0, null);
    }

    /**
     * The page's orientation and script; {@link Osd#NONE} without osd.traineddata or when the page
     * has too little text to judge.
     *
     * @param gray an 8-bit grey image with a packed raster
     */
    Osd detect(BufferedImage gray, int dpi) {
        if (!available) {
            return Osd.NONE;
        }
        TessBaseAPI api = pool.borrow(OSD);
        if (api == null) {
            return Osd.NONE;
        }
        try (IntPointer degrees = new IntPointer(1);
                FloatPointer confidence = new FloatPointer(1);
                FloatPointer scriptConfidence = new FloatPointer(1);
                PointerPointer<BytePointer> script = new PointerPointer<>(1)) {
            byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
            api.SetSourceResolution(dpi);
            boolean found = api.DetectOrientationScript(degrees, confidence, script, scriptConfidence);
            api.Clear();
            if (!found) {
                return Osd.NONE;
            }
            // The name points into Tesseract's own unicharset: read, never freed.
            BytePointer name = script.get(BytePointer.class, 0);
            String scriptName = name == null || name.isNull() || scriptConfidence.get() < MIN_SCRIPT_CONFIDENCE
                    ? null
                    : name.getString();
            // Tesseract reports how far the text is turned clockwise; undoing it is the opposite turn.
            int turn = confidence.get() < MIN_CONFIDENCE ? 0 : (360 - Math.floorMod(degrees.get(), 360)) % 360;
            return new Osd(turn, scriptName);
        } finally {
            pool.giveBack(OSD, api);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
