package dev.toolocr.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Local file storage with one directory per user and per task. Every path component comes from a
 * server-generated UUID or a fixed name, never from user input, and every resolved path is checked
 * to stay under the storage root, so traversal is impossible by construction and by check.
 */
@Component
public class FileStorage {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ENTRY_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path root;

    public FileStorage(StorageProperties properties) {
        this.root = properties.filesRoot();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the storage directory " + root, e);
        }
    }

    /** What was written: its key (relative, for the database), size and SHA-256. */
    public record StoredObject(String key, long size, String sha256) {}

    /**
     * Streams {@code content} into the task's directory under {@code entry}, hashing on the way, without
     * holding it in memory. A partial file never remains: it is written to a temporary name and moved.
     */
    public StoredObject write(String userId, String taskId, String entry, InputStream content, long maxBytes)
            throws IOException {
        Path target = resolve(key(userId, taskId, entry));
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(".partial-" + UUID.randomUUID());
        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
            size = copyLimited(content, out, maxBytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new StoredObject(key(userId, taskId, entry), size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The task's working directory, created on demand (results are written into it by the engine). */
    public Path taskDirectory(String userId, String taskId) throws IOException {
        Path dir = resolve(checkedId(userId) + "/" + checkedId(taskId));
        Files.createDirectories(dir);
        return dir;
    }

    /** The storage key of a file inside a task's directory. */
    public String key(String userId, String taskId, String entry) {
        if (!ENTRY_NAME.matcher(entry).matches() && !entry.matches("results/[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("invalid storage entry name");
        }
        return checkedId(userId) + "/" + checkedId(taskId) + "/" + entry;
    }

    /** The file behind a key; the key must have been produced by this class. */
    public Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("storage key escapes the storage root");
        }
        return path;
    }

    public boolean exists(String key) {
        return key != null && Files.isRegularFile(resolve(key));
    }

    /** Deletes a task's directory and everything in it; missing is fine. */
    public void deleteTask(String userId, String taskId) throws IOException {
        deleteTree(resolve(checkedId(userId) + "/" + checkedId(taskId)));
    }

    /** Deletes one sub-directory of a task (e.g. partial results of a cancelled run). */
    public void deleteTaskEntry(String userId, String taskId, String entry) throws IOException {
        deleteTree(resolve(key(userId, taskId, entry)));
    }

    /** Total bytes under the storage root. */
    public long bytesUsed() throws IOException {
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** Task directories of a user present on disk, for finding orphans. */
    public List<String> taskIdsOnDisk(String userId) throws IOException {
        Path dir = resolve(checkedId(userId));
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (UUID_TEXT.matcher(name).matches()) {
                    ids.add(name);
                }
            }
        }
        return ids;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                try {
                    Files.deleteIfExists(d);
                } catch (NoSuchFileException ignored) {
                    // Removed concurrently: the goal is reached.
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new FileTooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String checkedId(String id) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw new IllegalArgumentException("storage ids must be server-generated UUIDs");
        }
        return id;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The upload exceeded the configured size while streaming. */
    public static final class FileTooLargeException extends IOException {
        public FileTooLargeException(long maxBytes) {
            super("The file exceeds the upload limit of " + maxBytes + " bytes.");
        }
    }
}
