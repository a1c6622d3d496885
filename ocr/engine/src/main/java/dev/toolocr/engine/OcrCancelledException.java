package dev.toolocr.engine;

/** The caller's {@link CancellationToken} asked to stop; partial outputs have been removed. */
public class OcrCancelledException extends Exception {

    public OcrCancelledException() {
        super("cancelled");
    }
}
