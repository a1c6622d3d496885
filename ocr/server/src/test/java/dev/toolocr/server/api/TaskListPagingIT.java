package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.api.ApiClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The history read page after page by cursor while the user keeps uploading, over real HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.database.embedded-url=jdbc:h2:mem:task-paging;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListPagingIT {

    private static final int EXISTING = 18;
    private static final int PAGE = 4;

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    ApiClient api;

    @BeforeAll
    void setUp() {
        api = new ApiClient(port);
    }

    private String newUser(String name) throws Exception {
        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        String email = name + System.nanoTime() + "@example.com";
        directory.createLocalUser(email, name, "Password-for-" + name, admin);
        return api.token(email, "Password-for-" + name);
    }

    private String upload(String token, String name) throws Exception {
        Reply reply = api.upload(token, name, ApiClient.corpus("typewriter.png"), "start=false");
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().at("/tasks/0/task_id").asText();
    }

    /** Pages by cursor until the end, uploading the given names one per page read; the ids in read order. */
    private List<String> readAll(String token, String sort, List<String> uploadsBetweenPages) throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v2/tasks?page_size=" + PAGE + sort
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = api.send("GET", path, token, null).json();
            page.path("tasks").forEach(t -> seen.add(t.path("task_id").asText()));
            cursor = page.path("next_cursor").isMissingNode()
                    ? null
                    : page.path("next_cursor").asText();
            assertThat(page.path("has_more").asBoolean()).isEqualTo(cursor != null);
            if (pages < uploadsBetweenPages.size()) {
                upload(token, uploadsBetweenPages.get(pages));
            }
            pages++;
        } while (cursor != null && pages < 100);
        return seen;
    }

    @Test
    void newestFirstPagesNeitherSkipNorRepeatWhileTasksArrive() throws Exception {
        String token = newUser("seek");
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(upload(token, "page-" + i + ".png"));
        }

        List<String> seen = readAll(token, "", List.of("new-1.png", "new-2.png", "new-3.png"));

        // Newer uploads sort before the cursor, so a reader who started earlier does not see them.
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(existing);
    }

    @Test
    void filenamePagesKeepEveryRowOnceWhileNamesArriveOnBothSides() throws Exception {
        String token = newUser("names");
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(upload(token, String.format("m-%02d.png", i)));
        }

        List<String> seen = readAll(
                token,
                "&sort_by=filename&order_desc=false",
                List.of("a-before.png", "z-after-1.png", "a-before-2.png", "z-after-2.png"));

        assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
        // Rows that arrive behind the cursor are read when the reader gets there; those in front are not.
        assertThat(seen).hasSize(EXISTING + 2);
    }

    @Test
    void theFirstPagesByCursorAndByPageAgree() throws Exception {
        String token = newUser("agree");
        for (int i = 0; i < 2 * PAGE; i++) {
            upload(token, "same-" + i + ".png");
        }
        JsonNode first =
                api.send("GET", "/api/v2/tasks?page_size=" + PAGE, token, null).json();
        JsonNode second = api.send("GET", "/api/v2/tasks?page=2&page_size=" + PAGE, token, null)
                .json();
        String cursor = first.path("next_cursor").asText();
        JsonNode byCursor = api.send(
                        "GET",
                        "/api/v2/tasks?page_size=" + PAGE + "&cursor="
                                + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                        token,
                        null)
                .json();

        assertThat(byCursor.path("tasks")).isEqualTo(second.path("tasks"));
        assertThat(first.path("total").asLong()).isEqualTo(2 * PAGE);
        assertThat(first.path("total_is_estimate").asBoolean()).isFalse();
    }

    @Test
    void refusesForgedCursorsAndCursorsOfAnotherSort() throws Exception {
        String token = newUser("forged");
        for (int i = 0; i < 3; i++) {
            upload(token, "f-" + i + ".png");
        }
        String cursor = api.send("GET", "/api/v2/tasks?page_size=1", token, null)
                .json()
                .path("next_cursor")
                .asText();

        assertThat(api.send("GET", "/api/v2/tasks?cursor=bm90LWEtY3Vyc29y", token, null)
                        .status())
                .isEqualTo(400);
        assertThat(api.send("GET", "/api/v2/tasks?sort_by=filename&cursor=" + cursor, token, null)
                        .status())
                .isEqualTo(400);
        assertThat(api.send("GET", "/api/v2/tasks?sort_by=completed_at&cursor=" + cursor, token, null)
                        .status())
                .isEqualTo(400);
    }
}
