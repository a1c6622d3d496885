package dev.toolocr.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where applications keep files: objects under keys such as {@code <user>/<task>/input}. Keys are
 * made by the application from ids it generated and fixed names, never from user input, and
 * {@link ObjectKeys#check} refuses anything else. Callers only ever see keys and streams, never
 * where or how the bytes are kept, so the same code runs on a local folder or an object store.
 */
public interface ObjectStorage {

    /** What was stored: the key, its size in bytes and its SHA-256 (hex). */
    record StoredObject(String key, long size, String sha256) {}

    /**
     * Streams {@code content} to {@code key}, replacing what was there, hashing on the way and never
     * holding it whole in memory. Either the whole object is stored or, on any failure, nothing is.
     *
     * @throws ObjectTooLargeException when the stream is longer than {@code maxBytes}
     * @throws StorageUnavailableException when the store cannot be reached
     */
    StoredObject put(String key, InputStream content, long maxBytes) throws IOException;

    /**
     * The object's bytes; the caller closes the stream.
     *
     * @throws NoSuchObjectException when there is no object under {@code key}
     */
    InputStream open(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Copies an object to another key within the store (no bytes through this process where possible). */
    StoredObject copy(String sourceKey, String targetKey) throws IOException;

    /** Deletes one object; a missing one is fine. */
    void delete(String key) throws IOException;

    /** Deletes every object whose key starts with {@code prefix + "/"}; none is fine. */
    void deletePrefix(String prefix) throws IOException;

    /** Keys of the objects under {@code prefix + "/"}, in key order. */
    List<String> list(String prefix) throws IOException;

    /** Total bytes of the objects under {@code prefix + "/"}. */
    long sizeOfPrefix(String prefix) throws IOException;
}
