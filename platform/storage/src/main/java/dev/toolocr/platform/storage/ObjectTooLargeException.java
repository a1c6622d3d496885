package dev.toolocr.platform.storage;

import java.io.IOException;

/** The content was longer than the limit the caller set; nothing was stored. */
public class ObjectTooLargeException extends IOException {

    private final long maxBytes;

    public ObjectTooLargeException(long maxBytes) {
        super("The content exceeds the limit of " + maxBytes + " bytes.");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
