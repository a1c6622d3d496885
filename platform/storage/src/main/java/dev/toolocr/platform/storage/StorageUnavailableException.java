package dev.toolocr.platform.storage;

import java.io.IOException;

/** The store could not be reached or refused to work; the operation may succeed later. */
public class StorageUnavailableException extends IOException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
