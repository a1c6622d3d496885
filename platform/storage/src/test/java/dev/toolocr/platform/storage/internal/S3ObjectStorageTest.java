package dev.toolocr.platform.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.ObjectStorageContract;
import dev.toolocr.platform.storage.S3TestServer;
import dev.toolocr.platform.storage.StorageProperties;
import dev.toolocr.platform.storage.StorageStartupException;
import dev.toolocr.platform.storage.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 store against a real S3 server in this process (s3proxy over jclouds' in-memory store). */
class S3ObjectStorageTest extends ObjectStorageContract {

    private static S3TestServer s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3TestServer.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Override
    protected ObjectStorage storage() {
        return new S3ObjectStorage(settings(s3.endpoint(), s3.createBucket()))
                .checkBucket(s3.endpoint().toString());
    }

    @Test
    void aMissingBucketStopsStartUpWithOneSentence() {
        assertThatThrownBy(
                        () -> new S3ObjectStorage(settings(s3.endpoint(), "no-such-bucket")).checkBucket("the test S3"))
                .isInstanceOf(StorageStartupException.class)
                .hasMessageContaining("'no-such-bucket'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void anUnreachableStoreIsUnavailableNotAnError() throws Exception {
        int closed = S3TestServer.freePort();
        ObjectStorage gone = new S3ObjectStorage(settings(URI.create("http://127.0.0.1:" + closed), "bucket"));

        assertThatThrownBy(() -> gone.put("u1/input", new ByteArrayInputStream(new byte[10]), 100))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void neverPrintsItsSecret() {
        assertThat(settings(s3.endpoint(), "b").toString())
                .doesNotContain(S3TestServer.SECRET_KEY)
                .contains("secretKey=***");
    }

    private static StorageProperties.S3 settings(URI endpoint, String bucket) {
        return new StorageProperties.S3(
                endpoint, bucket, "us-east-1", S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, true, 5);
    }
}
