package dev.toolocr.incident.files;

import java.time.Instant;

/** What the files feature tells the rest of the app (the audit log listens). */
public final class FileEvents {

    private FileEvents() {}

    /** Which bytes of a file were served. */
    public enum Variant {
        ORIGINAL,
        PREVIEW,
        THUMBNAIL
    }

    /** Someone was sent a file's bytes (published after the access check, before streaming). */
    public record FileDownloaded(
            String fileId, String roomId, String userId, String userEmail, Variant variant, Instant at) {}

    /** A file was stored in a room. */
    public record FileUploaded(
            String fileId, String roomId, String userId, String mimeType, long size, String sha256, Instant at) {}
}
