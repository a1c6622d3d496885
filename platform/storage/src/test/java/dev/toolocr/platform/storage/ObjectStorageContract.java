package dev.toolocr.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link ObjectStorage} does; each implementation's test extends this. */
public abstract class ObjectStorageContract {

    /** A fresh, empty store. */
    protected abstract ObjectStorage storage() throws Exception;

    @Test
    void storesAndReadsBackWithSizeAndSha256() throws Exception {
        ObjectStorage storage = storage();

        ObjectStorage.StoredObject stored = storage.put("u1/t1/input", bytes("abc"), 10);

        assertThat(stored)
                .isEqualTo(new ObjectStorage.StoredObject(
                        "u1/t1/input", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(storage.exists("u1/t1/input")).isTrue();
        try (InputStream in = storage.open("u1/t1/input")) {
            assertThat(in.readAllBytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void streamsALargeObjectWhole() throws Exception {
        ObjectStorage storage = storage();
        byte[] big = new byte[12 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);

        ObjectStorage.StoredObject stored = storage.put("u1/big", new ByteArrayInputStream(big), big.length);

        assertThat(stored.size()).isEqualTo(big.length);
        try (InputStream in = storage.open("u1/big")) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void anOversizedPutLeavesNothingBehind() throws Exception {
        ObjectStorage storage = storage();

        assertThatThrownBy(() -> storage.put("u1/t1/input", new ByteArrayInputStream(new byte[100]), 10))
                .isInstanceOf(ObjectTooLargeException.class);

        assertThat(storage.exists("u1/t1/input")).isFalse();
        assertThat(storage.list("u1")).isEmpty();
    }

    @Test
    void aFailingStreamLeavesNothingBehind() throws Exception {
        ObjectStorage storage = storage();
        InputStream broken = new InputStream() {
            private int left = 1000;

            @Override
            public int read() throws IOException {
                if (left-- == 0) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> storage.put("u1/t1/input", broken, 10_000)).isInstanceOf(IOException.class);

        assertThat(storage.list("u1")).isEmpty();
    }

    @Test
    void listsDeletesAndSizesByPrefix() throws Exception {
        ObjectStorage storage = storage();
        storage.put("u1/t1/input", bytes("1234"), 10);
        storage.put("u1/t1/results/result.txt", bytes("12"), 10);
        storage.put("u1/t2/input", bytes("1"), 10);
        storage.put("u10/t1/input", bytes("99999"), 10);

        assertThat(storage.list("u1/t1")).containsExactly("u1/t1/input", "u1/t1/results/result.txt");
        assertThat(storage.list("u1")).containsExactly("u1/t1/input", "u1/t1/results/result.txt", "u1/t2/input");
        assertThat(storage.sizeOfPrefix("u1")).isEqualTo(7);

        storage.deletePrefix("u1/t1/results");
        assertThat(storage.list("u1/t1")).containsExactly("u1/t1/input");
        storage.deletePrefix("u1");
        assertThat(storage.list("u1")).isEmpty();
        assertThat(storage.list("u10")).containsExactly("u10/t1/input");
        storage.deletePrefix("nothing/here");
    }

    @Test
    void copiesAndDeletesOne() throws Exception {
        ObjectStorage storage = storage();
        storage.put("a/one", bytes("hello"), 10);

        ObjectStorage.StoredObject copy = storage.copy("a/one", "b/two");

        assertThat(copy.size()).isEqualTo(5);
        try (InputStream in = storage.open("b/two")) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        }
        storage.delete("a/one");
        storage.delete("a/one");
        assertThat(storage.exists("a/one")).isFalse();
        assertThat(storage.exists("b/two")).isTrue();
    }

    @Test
    void opensAMissingObjectAsNoSuchObject() throws Exception {
        assertThatThrownBy(() -> storage().open("u1/none")).isInstanceOf(NoSuchObjectException.class);
    }

    @Test
    void refusesEveryHostileKey() throws Exception {
        ObjectStorage storage = storage();
        String[] hostile = {
            "../../etc/passwd",
            "/etc/passwd",
            "..",
            "a/../b",
            "a\u0000b",
            "x".repeat(5000),
            "\u202Egnp.exe",
            "results/../../x",
            "A/B",
            "a//b",
            "a/",
            ".hidden",
            ""
        };
        for (String key : hostile) {
            assertThatThrownBy(() -> storage.put(key, bytes("x"), 10))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.deletePrefix(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> storage.open(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
