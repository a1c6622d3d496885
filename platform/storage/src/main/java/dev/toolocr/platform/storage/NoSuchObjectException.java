package dev.toolocr.platform.storage;

import java.io.IOException;

/** Nothing is stored under the key (deleted, or never written). */
public class NoSuchObjectException extends IOException {

    public NoSuchObjectException(String key) {
        super("No stored object under " + key);
    }
}
