package dev.toolocr.platform.storage.internal;

import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.StorageProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The application's object storage: the S3 bucket when one is named, else the local folder. */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObjectStorage objectStorage(StorageProperties properties) {
        StorageProperties.S3 s3 = properties.s3();
        if (s3.enabled()) {
            String where = s3.endpoint() != null ? s3.endpoint().toString() : "AWS region " + s3.region();
            return new S3ObjectStorage(s3).checkBucket(where);
        }
        return new LocalObjectStorage(properties.localRoot());
    }
}
