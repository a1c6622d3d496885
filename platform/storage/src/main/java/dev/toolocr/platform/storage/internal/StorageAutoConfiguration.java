package dev.toolocr.platform.storage.internal;

import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.StorageProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The application's object storage: a local folder unless another store is configured. */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObjectStorage objectStorage(StorageProperties properties) {
        return new LocalObjectStorage(properties.localRoot());
    }
}
