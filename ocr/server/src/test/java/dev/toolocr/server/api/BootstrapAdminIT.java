package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.server.ToolOcrApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default's first start: a generated admin password, shown once and never again. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminIT {

    private static final Pattern SHOWN = Pattern.compile("Password \\(shown once\\):\\s+(\\S+)");

    @TempDir
    Path data;

    @Test
    void aGeneratedAdminPasswordIsPrintedOnceWorksIsAnAdminAndIsNotLogged(CapturedOutput output) throws Exception {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher shown = SHOWN.matcher(output.getOut());
            assertThat(shown.find()).as("password printed at first start").isTrue();
            password = shown.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getOut())
                    .as("the banner says where and as whom to sign in")
                    .contains("Sign in at http://localhost:" + port(first) + "/")
                    .contains("admin@localhost");
            ApiClient api = new ApiClient(port(first));
            ApiClient.Reply login = api.login("admin@localhost", password);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("user").path("is_admin").asBoolean())
                    .as("an admin with no ADMIN_EMAILS set")
                    .isTrue();
            String token = login.json().path("access_token").asText();
            assertThat(api.send("GET", "/api/v2/admin/stats", token, null).status())
                    .isEqualTo(200);
        }
        int printedSoFar = output.getOut().length();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getOut().substring(printedSoFar))
                    .as("second start on the same data")
                    .doesNotContain("shown once")
                    .doesNotContain(password);
            assertThat(new ApiClient(port(second))
                            .login("admin@localhost", password)
                            .status())
                    .isEqualTo(200);
        }
        // Only the console banner carries it: no log line (which may be shipped elsewhere) does.
        assertThat(output.getAll().lines().filter(l -> l.contains(password)))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("shown once"));
    }

    @Test
    void aWorkerLeavesTheAdminToTheFirstServingProcess(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext worker = start("--tool-ocr.role=worker")) {
            assertThat(output.getOut()).doesNotContain("shown once").doesNotContain("Created the bootstrap admin");
        }
        int printedSoFar = output.getOut().length();

        try (ConfigurableApplicationContext serving = start()) {
            Matcher shown = SHOWN.matcher(output.getOut().substring(printedSoFar));
            assertThat(shown.find()).as("the serving process creates it").isTrue();
            assertThat(new ApiClient(port(serving))
                            .login("admin@localhost", shown.group(1))
                            .status())
                    .isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        // Command-line arguments outrank the test configuration's data folder and database.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--tool-ocr.data-dir=" + data,
                "--platform.database.embedded-url=jdbc:h2:file:" + data.resolve("db/tool-ocr"),
                "--tool-ocr.tasks.workers.pool-size=0",
                "--platform.auth.local.bootstrap-admin-password="));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ToolOcrApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
