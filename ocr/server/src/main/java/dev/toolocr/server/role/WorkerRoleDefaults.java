package dev.toolocr.server.role;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the worker role turns off in the platform modules, whatever else is configured: nobody signs
 * in to a worker, so it never creates the bootstrap admin (a generated password printed there would
 * be the first and only copy, on a machine nobody looks at). Serving processes create it.
 * Operators commonly give every process the same environment, so this does not rely on them
 * leaving {@code TOOL_OCR_ADMIN_PASSWORD} out of the workers'.
 */
public class WorkerRoleDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "toolOcrWorkerRole";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("worker"
                .equalsIgnoreCase(environment.getProperty("tool-ocr.role", "").strip())) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(SOURCE, Map.of("platform.auth.local.bootstrap-admin", "false")));
        }
    }
}
