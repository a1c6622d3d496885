package dev.toolocr.incident.files;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet's multipart limits, made from {@link FilesProperties#maxSize()} rather than set apart
 * in {@code spring.servlet.multipart.*} (which this bean replaces). They leave a little room above
 * the file limit so that a file just over it reaches {@link FileService}, which answers with this
 * app's own 413 problem; a far larger body is cut off by the container, also as a 413.
 */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    /** Room for the multipart boundaries and headers around the one file part. */
    static final long ENVELOPE = 1024 * 1024;

    /** Parts larger than this go to a temporary file instead of memory. */
    private static final int IN_MEMORY = 256 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(FilesProperties properties) {
        long max = properties.maxSize().toBytes() + ENVELOPE;
        return new MultipartConfigElement("", max, max, IN_MEMORY);
    }
}
