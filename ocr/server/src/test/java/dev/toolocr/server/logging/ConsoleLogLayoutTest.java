package dev.toolocr.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The console layout that application.yml configures: readable lines by default, ECS JSON when
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}. Only the logging system is started, with the
 * server's configuration file, not the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleLogLayoutTest {

    private static final String MARK = "layout-check-line";

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {}

    @Test
    void printsOneReadableLineWithTimeLevelLoggerMessageRequestAndUser(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start()) {
            logWithIds();
        }
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains(MARK))
                .findFirst()
                .orElseThrow();
        assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} +INFO .*ConsoleLogLayoutTest +" + MARK
                        + " request=req-123 user=user-456");
        assertThat(output.getOut().lines().filter(l -> l.contains("Started")))
                .as("a line without ids has no empty id fields")
                .allSatisfy(l -> assertThat(l).doesNotContain("request=").doesNotContain("user="));
    }

    @Test
    void printsEcsJsonWhenAsked(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext ignored = start("--logging.structured.format.console=ecs")) {
            logWithIds();
        }
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains(MARK))
                .findFirst()
                .orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("@timestamp").asText()).isNotEmpty();
        assertThat(json.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("message").asText()).isEqualTo(MARK);
        assertThat(json.path("request_id").asText()).isEqualTo("req-123");
        assertThat(json.path("user_id").asText()).isEqualTo("user-456");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(NothingElse.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    private static void logWithIds() {
        MDC.put("request_id", "req-123");
        MDC.put("user_id", "user-456");
        try {
            LoggerFactory.getLogger(ConsoleLogLayoutTest.class).info(MARK);
        } finally {
            MDC.clear();
        }
    }
}
