package dev.toolocr.engine;

/** A document that cannot be processed. The message is one sentence for a person: no paths, no stack. */
public class OcrException extends Exception {

    private final ErrorCode code;

    public OcrException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public OcrException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
