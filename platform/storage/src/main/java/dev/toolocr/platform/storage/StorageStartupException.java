package dev.toolocr.platform.storage;

/** The configured store cannot be used; start-up stops with this one sentence. */
public class StorageStartupException extends RuntimeException {

    public StorageStartupException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
