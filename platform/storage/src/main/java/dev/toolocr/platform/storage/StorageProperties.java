package dev.toolocr.platform.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where objects are kept: a local folder, or an S3-compatible bucket when one is named.
 *
 * @param localRoot the folder of the local store (the embedded default)
 * @param s3 the object store; used when its bucket is set
 */
@Validated
@ConfigurationProperties("platform.storage")
public record StorageProperties(
        @NotNull Path localRoot,
        @Valid @NotNull @DefaultValue S3 s3) {

    /**
     * An S3-compatible store: AWS, MinIO, Ceph.
     *
     * @param endpoint the service's address; blank for AWS's own for the region
     * @param bucket the bucket, which must exist; blank keeps the local store
     * @param region the signing region (MinIO and Ceph accept any; AWS needs the bucket's)
     * @param accessKey the access key id
     * @param secretKey the secret key; never logged
     * @param pathStyle bucket in the path rather than the host name, as MinIO and Ceph expect
     * @param partSizeMiB how much of an upload is held at a time: larger objects go up in parts of this size
     */
    public record S3(
            URI endpoint,
            String bucket,
            @DefaultValue("us-east-1") String region,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle,
            @DefaultValue("8") @Min(5) @Max(512) int partSizeMiB) {

        public boolean enabled() {
            return bucket != null && !bucket.isBlank();
        }

        @AssertTrue(message = "needs STORAGE_S3_ACCESS_KEY and STORAGE_S3_SECRET_KEY when a bucket is set")
        public boolean isComplete() {
            return !enabled()
                    || (accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isBlank());
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey=" + accessKey
                    + ", secretKey=" + (secretKey == null || secretKey.isBlank() ? "" : "***") + ", pathStyle="
                    + pathStyle + ", partSizeMiB=" + partSizeMiB + "]";
        }
    }
}
