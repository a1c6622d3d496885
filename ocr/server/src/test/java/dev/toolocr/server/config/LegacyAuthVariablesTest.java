package dev.toolocr.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class LegacyAuthVariablesTest {

    @Test
    void oldToolOcrAuthVariablesStillReachThePlatformAuthSettings() {
        StandardEnvironment env = environment(Map.of("TOOL_OCR_AUTH_JWT_SECRET", "old-secret"));

        new LegacyAuthVariables().postProcessEnvironment(env, new SpringApplication());

        assertThat(Binder.get(env)
                        .bind("platform.auth.jwt-secret", String.class)
                        .get())
                .isEqualTo("old-secret");
    }

    @Test
    void theNewNameWinsWhenBothAreSet() {
        StandardEnvironment env =
                environment(Map.of("TOOL_OCR_AUTH_JWT_SECRET", "old-secret", "PLATFORM_AUTH_JWT_SECRET", "new-secret"));

        new LegacyAuthVariables().postProcessEnvironment(env, new SpringApplication());

        assertThat(Binder.get(env)
                        .bind("platform.auth.jwt-secret", String.class)
                        .get())
                .isEqualTo("new-secret");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return env;
    }
}
