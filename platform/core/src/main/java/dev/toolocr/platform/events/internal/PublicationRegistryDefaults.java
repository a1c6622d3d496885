package dev.toolocr.platform.events.internal;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults of the event publication registry that every host needs, at the lowest precedence so a
 * host may still change them: a handled publication is deleted rather than kept forever.
 */
public class PublicationRegistryDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "platformEventDefaults", Map.of("spring.modulith.events.completion-mode", "delete")));
    }
}
