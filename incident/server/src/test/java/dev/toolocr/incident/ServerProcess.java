package dev.toolocr.incident;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A whole incident server in this JVM, as one process of several sharing a database would be: its own
 * beans, pool, schedulers and web port, reading the clock it is given.
 */
public final class ServerProcess {

    private ServerProcess() {}

    /**
     * Starts a server on {@code databaseUrl} (a {@code jdbc:h2:mem:} URL is used as the embedded
     * database) with {@code settings} as {@code name=value} arguments on top of the test defaults.
     */
    public static ConfigurableApplicationContext start(
            String databaseUrl, String dataDir, TestClock clock, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                databaseUrl.startsWith("jdbc:h2:")
                        ? "--platform.database.embedded-url=" + databaseUrl
                        : "--platform.database.url=" + databaseUrl,
                "--server.port=0",
                "--incident.data-dir=" + dataDir,
                "--platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1"));
        for (String s : settings) {
            args.add("--" + s);
        }
        // Arguments, not default properties: application.yml's own values would win over those.
        return new SpringApplicationBuilder(IncidentApplication.class)
                .initializers(context ->
                        ((GenericApplicationContext) context).getBeanFactory().registerSingleton("testClock", clock))
                .run(args.toArray(String[]::new));
    }
}
