package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** ENABLE_TASK_HISTORY=false hides listing and export while tasks still run. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:history-off;DB_CLOSE_DELAY=-1",
            "ENABLE_TASK_HISTORY=false"
        })
class HistoryDisabledIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    @Test
    void listingAndExportAreRefusedButUploadsStillRun() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        directory.createLocalUser("quiet@example.com", "Quiet", "Quiet-password-1", admin);
        String token = api.token("quiet@example.com", "Quiet-password-1");

        Reply list = api.send("GET", "/api/v2/tasks", token, null);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:history-disabled");
        assertThat(api.send("POST", "/api/v2/tasks/history/export", token, null).status())
                .isEqualTo(403);

        String id = api.upload(token, "still.png", ApiClient.corpus("typewriter.png"), "formats=txt&lang=eng")
                .json()
                .at("/tasks/0/task_id")
                .asText();
        assertThat(api.awaitFinished(token, id, 120_000).path("status").asText())
                .isEqualTo("completed");
    }
}
