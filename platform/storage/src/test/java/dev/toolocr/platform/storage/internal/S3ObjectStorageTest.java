package dev.toolocr.platform.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.ObjectStorageContract;
import dev.toolocr.platform.storage.StorageProperties;
import dev.toolocr.platform.storage.StorageStartupException;
import dev.toolocr.platform.storage.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against a real S3 server in this process (s3proxy over jclouds' in-memory store). */
class S3ObjectStorageTest extends ObjectStorageContract {

    private static final String ACCESS = "test-access";
    private static final String SECRET = "test-secret-key";

    private static S3Proxy proxy;
    private static URI endpoint;

    @BeforeAll
    static void startS3() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
    }

    @Override
    protected ObjectStorage storage() {
        String bucket = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (S3Client admin = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .build()) {
            admin.createBucket(b -> b.bucket(bucket));
        }
        return new S3ObjectStorage(settings(endpoint, bucket)).checkBucket(endpoint.toString());
    }

    @Test
    void aMissingBucketStopsStartUpWithOneSentence() {
        assertThatThrownBy(() -> new S3ObjectStorage(settings(endpoint, "no-such-bucket")).checkBucket("the test S3"))
                .isInstanceOf(StorageStartupException.class)
                .hasMessageContaining("'no-such-bucket'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void anUnreachableStoreIsUnavailableNotAnError() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        ObjectStorage gone = new S3ObjectStorage(settings(URI.create("http://127.0.0.1:" + closed), "bucket"));

        assertThatThrownBy(() -> gone.put("u1/input", new ByteArrayInputStream(new byte[10]), 100))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void neverPrintsItsSecret() {
        assertThat(settings(endpoint, "b").toString()).doesNotContain(SECRET).contains("secretKey=***");
    }

    private static StorageProperties.S3 settings(URI endpoint, String bucket) {
        return new StorageProperties.S3(endpoint, bucket, "us-east-1", ACCESS, SECRET, true, 5);
    }
}
