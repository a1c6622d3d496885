package dev.toolocr.platform.storage;

import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server in this process (s3proxy over jclouds' in-memory store), for tests of any module. */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key";

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3TestServer(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static S3TestServer start() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        URI endpoint = URI.create("http://127.0.0.1:" + freePort());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return new S3TestServer(proxy, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new, empty bucket; its name. */
    public String createBucket() {
        String bucket = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (S3Client admin = client()) {
            admin.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** A client with the server's keys, for looking at what a test stored. */
    public S3Client client() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public static int freePort() throws java.io.IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
