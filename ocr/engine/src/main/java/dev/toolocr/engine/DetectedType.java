package dev.toolocr.engine;

/** Input types recognised by content, never by file name. */
public enum DetectedType {
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff"),
    BMP("image/bmp"),
    GIF("image/gif"),
    WEBP("image/webp"),
    PDF("application/pdf");

    private final String mimeType;

    DetectedType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }
}
