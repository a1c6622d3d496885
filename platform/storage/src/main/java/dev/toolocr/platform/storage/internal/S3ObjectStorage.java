package dev.toolocr.platform.storage.internal;

import dev.toolocr.platform.storage.NoSuchObjectException;
import dev.toolocr.platform.storage.ObjectKeys;
import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.ObjectTooLargeException;
import dev.toolocr.platform.storage.StorageProperties;
import dev.toolocr.platform.storage.StorageStartupException;
import dev.toolocr.platform.storage.StorageUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Ceph). A put reads its stream one part at a time
 * ({@code partSizeMiB}), so an upload is never held whole: small ones go up in one request, larger
 * ones as a multipart upload that is aborted on any failure, leaving nothing behind. The SHA-256 is
 * kept as object metadata, so copies report it without reading the bytes back. Only the checksums a
 * request requires are sent, which every S3-compatible store accepts.
 */
public class S3ObjectStorage implements ObjectStorage {

    private static final String SHA256 = "sha256";

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    public S3ObjectStorage(StorageProperties.S3 settings) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            builder.endpointOverride(settings.endpoint());
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.partSize = settings.partSizeMiB() * 1024 * 1024;
    }

    /** Stops start-up with one sentence when the bucket cannot be reached or does not exist. */
    public S3ObjectStorage checkBucket(String endpointForMessages) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return this;
        } catch (S3Exception e) {
            throw new StorageStartupException(
                    "The storage bucket '" + bucket + "' at " + endpointForMessages + " cannot be used (HTTP "
                            + e.statusCode() + (e.statusCode() == 404 ? ": it does not exist" : "")
                            + "); create it or correct STORAGE_S3_BUCKET, STORAGE_S3_ENDPOINT and the keys.",
                    e);
        } catch (SdkException e) {
            throw new StorageStartupException(
                    "The storage service at " + endpointForMessages + " cannot be reached (" + e.getMessage()
                            + "); check STORAGE_S3_ENDPOINT.",
                    e);
        }
    }

    @Override
    public StoredObject put(String key, InputStream content, long maxBytes) throws IOException {
        ObjectKeys.check(key);
        MessageDigest sha256 = sha256();
        byte[] first = readPart(content, sha256, 0, maxBytes);
        if (first.length < partSize) {
            String hash = HexFormat.of().formatHex(sha256.digest());
            call(() -> s3.putObject(
                    b -> b.bucket(bucket)
                            .key(key)
                            .contentLength((long) first.length)
                            .metadata(Map.of(SHA256, hash)),
                    RequestBody.fromBytes(first)));
            return new StoredObject(key, first.length, hash);
        }
        return putInParts(key, content, maxBytes, sha256, first);
    }

    private StoredObject putInParts(String key, InputStream content, long maxBytes, MessageDigest sha256, byte[] first)
            throws IOException {
        // The hash is only known at the end: it is recorded by copying the object onto itself.
        String uploadId = call(() ->
                        s3.createMultipartUpload(b -> b.bucket(bucket).key(key)))
                .uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        long total = 0;
        try {
            byte[] part = first;
            int number = 1;
            while (part.length > 0) {
                int partNumber = number++;
                byte[] body = part;
                String etag = call(() -> s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber),
                                RequestBody.fromBytes(body)))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
                total += part.length;
                part = part.length < partSize ? new byte[0] : readPart(content, sha256, total, maxBytes);
            }
            call(() -> s3.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(
                            CompletedMultipartUpload.builder().parts(parts).build())));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException ignored) {
                // The store may be gone; its lifecycle rules clean up what an abort could not.
            }
            throw e;
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        call(() -> s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey(key)
                .destinationBucket(bucket)
                .destinationKey(key)
                .metadata(Map.of(SHA256, hash))
                .metadataDirective("REPLACE")));
        return new StoredObject(key, total, hash);
    }

    /** Up to one part of the stream, hashing it; fails as soon as more than {@code maxBytes} arrive in all. */
    private byte[] readPart(InputStream in, MessageDigest sha256, long before, long maxBytes) throws IOException {
        byte[] buffer = new byte[partSize];
        int filled = 0;
        int n;
        while (filled < partSize && (n = in.read(buffer, filled, partSize - filled)) != -1) {
            filled += n;
            if (before + filled > maxBytes) {
                throw new ObjectTooLargeException(maxBytes);
            }
        }
        sha256.update(buffer, 0, filled);
        return filled == partSize ? buffer : java.util.Arrays.copyOf(buffer, filled);
    }

    @Override
    public InputStream open(String key) throws IOException {
        ObjectKeys.check(key);
        try {
            return call(() -> s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchObjectException(key);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        ObjectKeys.check(key);
        try {
            call(() -> s3.headObject(b -> b.bucket(bucket).key(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public StoredObject copy(String sourceKey, String targetKey) throws IOException {
        ObjectKeys.check(sourceKey);
        ObjectKeys.check(targetKey);
        try {
            call(() -> s3.copyObject(b -> b.sourceBucket(bucket)
                    .sourceKey(sourceKey)
                    .destinationBucket(bucket)
                    .destinationKey(targetKey)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchObjectException(sourceKey);
        }
        HeadObjectResponse head = call(() -> s3.headObject(b -> b.bucket(bucket).key(targetKey)));
        return new StoredObject(targetKey, head.contentLength(), head.metadata().get(SHA256));
    }

    @Override
    public void delete(String key) throws IOException {
        ObjectKeys.check(key);
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    /**
     * One request per object: the batch DeleteObjects needs a checksum header that not every
     * S3-compatible store accepts (s3proxy answers 501, older MinIO and Ceph refuse CRC32), and a
     * prefix here is one task's or one room's handful of objects.
     */
    @Override
    public void deletePrefix(String prefix) throws IOException {
        for (String key : list(prefix)) {
            call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return objects(prefix).stream().map(S3Object::key).sorted().toList();
    }

    @Override
    public long sizeOfPrefix(String prefix) throws IOException {
        return objects(prefix).stream().mapToLong(S3Object::size).sum();
    }

    private List<S3Object> objects(String prefix) throws IOException {
        String folder = ObjectKeys.check(prefix) + "/";
        List<S3Object> all = new ArrayList<>();
        call(() -> {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder))
                    .contents()
                    .forEach(all::add);
            return null;
        });
        return all;
    }

    private interface Call<T> {
        T run();
    }

    /** The store unreachable, or answering 5xx, is {@link StorageUnavailableException}; 4xx stay as they are. */
    private static <T> T call(Call<T> call) throws StorageUnavailableException {
        try {
            return call.run();
        } catch (SdkClientException e) {
            throw new StorageUnavailableException("The storage service cannot be reached: " + e.getMessage(), e);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw new StorageUnavailableException("The storage service failed: HTTP " + e.statusCode(), e);
            }
            throw e;
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
