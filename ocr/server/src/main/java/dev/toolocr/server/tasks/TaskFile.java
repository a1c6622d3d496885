package dev.toolocr.server.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An uploaded original: what the user sent, how big it is, its detected type and SHA-256. */
@Entity
@Table(name = "task_files")
class TaskFile {

    @Id
    private String id;

    private String taskId;
    private String originalName;
    private String storageKey;
    private long fileSize;
    private String mimeType;
    private String sha256;
    private Instant createdAt;

    protected TaskFile() {
        // for JPA
    }

    TaskFile(
            String taskId,
            String originalName,
            String storageKey,
            long fileSize,
            String mimeType,
            String sha256,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.taskId = taskId;
        this.originalName = originalName;
        this.storageKey = storageKey;
        this.fileSize = fileSize;
        this.mimeType = mimeType;
        this.sha256 = sha256;
        this.createdAt = now;
    }

    String taskId() {
        return taskId;
    }

    String originalName() {
        return originalName;
    }

    String storageKey() {
        return storageKey;
    }

    long fileSize() {
        return fileSize;
    }

    String mimeType() {
        return mimeType;
    }

    String sha256() {
        return sha256;
    }
}
