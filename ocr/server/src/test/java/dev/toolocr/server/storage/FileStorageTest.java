package dev.toolocr.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {

    @TempDir
    Path dataDir;

    private final String user = UUID.randomUUID().toString();
    private final String task = UUID.randomUUID().toString();

    @Test
    void storesUnderUserAndTaskWithSha256() throws Exception {
        FileStorage storage = new FileStorage(new StorageProperties(dataDir));

        FileStorage.StoredObject stored = storage.write(
                user, task, "input", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), 10);

        assertThat(stored.key()).isEqualTo(user + "/" + task + "/input");
        assertThat(stored.size()).isEqualTo(3);
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(storage.resolve(stored.key())).isRegularFile().startsWith(dataDir.toAbsolutePath());
    }

    @Test
    void refusesEveryTraversalAttemptAndWritesNothingOutside() throws Exception {
        FileStorage storage = new FileStorage(new StorageProperties(dataDir));
        String[] hostile = {
            "../../etc/passwd", "/etc/passwd", "..", "a\u0000b", "x".repeat(5000), "\u202Egnp.exe", "results/../../x"
        };
        for (String name : hostile) {
            assertThatThrownBy(() -> storage.write(user, task, name, new ByteArrayInputStream(new byte[1]), 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.write(name, task, "input", new ByteArrayInputStream(new byte[1]), 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> storage.resolve("../outside")).isInstanceOf(IllegalArgumentException.class);
        try (Stream<Path> all = Files.walk(dataDir.getParent(), 1)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("passwd")))
                    .isEmpty();
        }
    }

    @Test
    void oversizedUploadLeavesNoPartialFile() throws Exception {
        FileStorage storage = new FileStorage(new StorageProperties(dataDir));

        assertThatThrownBy(() -> storage.write(user, task, "input", new ByteArrayInputStream(new byte[100]), 10))
                .isInstanceOf(FileStorage.FileTooLargeException.class);

        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
