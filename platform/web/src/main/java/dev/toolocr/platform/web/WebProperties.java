package dev.toolocr.platform.web;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Web settings shared by the applications.
 *
 * @param problemTypeBase what goes in front of each problem type's slug, e.g. {@code urn:tool-ocr:problem:}
 */
@Validated
@ConfigurationProperties("platform.web")
public record WebProperties(
        @DefaultValue("urn:platform:problem:")
        @Pattern(regexp = "urn:[a-z0-9-]+:[a-z0-9:-]*", message = "must be a URN such as urn:app:problem:")
        String problemTypeBase) {}
