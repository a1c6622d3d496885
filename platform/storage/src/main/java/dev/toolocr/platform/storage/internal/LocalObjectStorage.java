package dev.toolocr.platform.storage.internal;

import dev.toolocr.platform.storage.NoSuchObjectException;
import dev.toolocr.platform.storage.ObjectKeys;
import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Objects as files under one folder, a key's segments as sub-folders. Every key is checked by
 * {@link ObjectKeys} and every resolved path to stay under the root, so traversal is impossible by
 * construction and by check. A write goes to a hidden temporary name and is moved into place, so a
 * reader never sees a partial object; hidden names are not keys and never listed.
 */
public class LocalObjectStorage implements ObjectStorage {

    private final Path root;

    public LocalObjectStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the storage folder " + this.root, e);
        }
    }

    @Override
    public StoredObject put(String key, InputStream content, long maxBytes) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(".partial-" + UUID.randomUUID());
        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
            size = Streams.copyLimited(content, out, maxBytes);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new StoredObject(key, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException(key);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public StoredObject copy(String sourceKey, String targetKey) throws IOException {
        try (InputStream in = open(sourceKey)) {
            return put(targetKey, in, Long.MAX_VALUE);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public void deletePrefix(String prefix) throws IOException {
        FileSystemUtils.deleteRecursively(resolve(prefix));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path dir = resolve(prefix);
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(LocalObjectStorage::isKey)
                    .sorted()
                    .forEach(keys::add);
        }
        return keys;
    }

    @Override
    public long sizeOfPrefix(String prefix) throws IOException {
        long total = 0;
        for (String key : list(prefix)) {
            total += Files.size(resolve(key));
        }
        return total;
    }

    private Path resolve(String key) {
        Path path = root.resolve(ObjectKeys.check(key)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("object key escapes the storage root");
        }
        return path;
    }

    private static boolean isKey(String candidate) {
        try {
            ObjectKeys.check(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
