package dev.toolocr.server.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Sign-in settings were {@code TOOL_OCR_AUTH_*} variables before the auth module became a platform
 * module ({@code platform.auth}, so {@code PLATFORM_AUTH_*}). Deployments that set the old names keep
 * working: each is also offered under the new name, below the real environment, so a
 * {@code PLATFORM_AUTH_*} variable wins when both are set.
 */
public class LegacyAuthVariables implements EnvironmentPostProcessor {

    static final String OLD = "TOOL_OCR_AUTH_";
    static final String NEW = "PLATFORM_AUTH_";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!(environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                instanceof MapPropertySource system)) {
            return;
        }
        Map<String, Object> renamed = new LinkedHashMap<>();
        system.getSource().forEach((name, value) -> {
            if (name.startsWith(OLD)) {
                renamed.put(NEW + name.substring(OLD.length()), value);
            }
        });
        if (!renamed.isEmpty()) {
            environment
                    .getPropertySources()
                    .addAfter(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource("legacyToolOcrAuthVariables", renamed));
        }
    }
}
