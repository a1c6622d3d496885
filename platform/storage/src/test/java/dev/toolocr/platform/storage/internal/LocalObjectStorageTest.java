package dev.toolocr.platform.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.ObjectStorageContract;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStorageTest extends ObjectStorageContract {

    @TempDir
    Path root;

    @Override
    protected ObjectStorage storage() {
        return new LocalObjectStorage(root.resolve("objects"));
    }

    @Test
    void writesNothingOutsideItsFolder() throws Exception {
        ObjectStorage storage = storage();
        storage.put("u1/t1/input", new ByteArrayInputStream(new byte[3]), 10);

        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile))
                    .allSatisfy(p -> assertThat(p).startsWith(root.resolve("objects")));
        }
    }
}
