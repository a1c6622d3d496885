package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.persistence.DatabaseProperties;
import dev.toolocr.server.database.DatabaseConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The history queries at the JPA slice, on the migrated schema with its counter triggers: pages by
 * cursor neither skip nor repeat a row while rows arrive, a cursor page equals the numbered page, and
 * totals come exact from the counters. Over HTTP the same listing is covered by the contract test.
 */
@DataJpaTest(properties = "platform.database.embedded-url=jdbc:h2:mem:task-listing;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({TaskListing.class, TaskCounters.class, DatabaseConfiguration.class})
class TaskListingQueriesTest {

    private static final int EXISTING = 18;
    private static final int PAGE = 4;
    private static final String OPTIONS =
            "{\"engine\":\"auto\",\"formats\":[\"txt\"],\"lang\":\"auto\",\"pdf_mode\":\"skip\"}";

    @Autowired
    TaskListing listing;

    @Autowired
    TaskRepository tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseProperties database;

    /** Only its history switch is asked; the rest of the service is the upload path. */
    @MockitoBean
    TaskService service;

    private String user;
    private Instant clock = Instant.parse("2026-03-01T08:00:00Z");

    @BeforeEach
    void aUser() {
        user = UUID.randomUUID().toString();
        jdbc.update(
                "INSERT INTO " + database.tablePrefix()
                        + "users (id, email, display_name, provider, is_active, created_at,"
                        + " updated_at) VALUES (?, ?, 'Reader', 'local', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                user,
                user + "@example.com");
    }

    private String add(String filename) {
        clock = clock.plus(Duration.ofSeconds(1));
        Task task = Task.create(UUID.randomUUID(), user, filename, "image/png", OPTIONS, clock);
        return tasks.saveAndFlush(task).id();
    }

    private static TaskQuery.Params params(String sortBy, Boolean orderDesc, Integer page, String cursor) {
        return new TaskQuery.Params(null, null, null, null, page, PAGE, sortBy, orderDesc, cursor);
    }

    /** Reads by cursor to the end, adding the given names one per page read; the ids in read order. */
    private List<String> readAll(String sortBy, Boolean orderDesc, List<String> arrivingBetweenPages) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TaskListing.Listing page = listing.list(user, TaskQuery.parse(params(sortBy, orderDesc, null, cursor)));
            page.tasks().forEach(t -> seen.add(t.id()));
            cursor = page.nextCursor();
            assertThat(page.hasMore()).isEqualTo(cursor != null);
            if (pages < arrivingBetweenPages.size()) {
                add(arrivingBetweenPages.get(pages));
            }
            pages++;
        } while (cursor != null && pages < 100);
        return seen;
    }

    @Test
    void newestFirstPagesNeitherSkipNorRepeatWhileTasksArrive() {
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(add("page-" + i + ".png"));
        }

        List<String> seen = readAll(null, null, List.of("new-1.png", "new-2.png", "new-3.png"));

        // Newer tasks sort before the cursor, so a reader who started earlier does not see them.
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(existing);
    }

    @Test
    void filenamePagesKeepEveryRowOnceWhileNamesArriveOnBothSides() {
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(add(String.format("m-%02d.png", i)));
        }

        List<String> seen =
                readAll("filename", false, List.of("a-before.png", "z-after-1.png", "a-before-2.png", "z-after-2.png"));

        assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
        // Rows that arrive behind the cursor are read when the reader gets there; those in front are not.
        assertThat(seen).hasSize(EXISTING + 2);
    }

    @Test
    void theNextPageByCursorEqualsTheNumberedPageAndTheTotalIsExact() {
        for (int i = 0; i < 2 * PAGE; i++) {
            add("same-" + i + ".png");
        }

        TaskListing.Listing first = listing.list(user, TaskQuery.parse(params(null, null, null, null)));
        TaskListing.Listing second = listing.list(user, TaskQuery.parse(params(null, null, 2, null)));
        TaskListing.Listing byCursor =
                listing.list(user, TaskQuery.parse(params(null, null, null, first.nextCursor())));

        assertThat(byCursor.tasks())
                .extracting(Task::id)
                .containsExactlyElementsOf(second.tasks().stream().map(Task::id).toList());
        assertThat(first.total()).isEqualTo(2 * PAGE);
        assertThat(first.totalIsEstimate()).isFalse();
        assertThat(listing.stats(user)).containsEntry(TaskStatus.PENDING, (long) 2 * PAGE);
    }

    @Test
    void statusSortByCursorReadsEveryRowOnceInTheOrderOfTheNumberedPages() {
        for (int i = 0; i < EXISTING; i++) {
            String id = add("s-" + i + ".png");
            if (i % 3 == 0) {
                Task task = tasks.findById(id).orElseThrow();
                task.start(i, clock);
                tasks.saveAndFlush(task);
            } else if (i % 3 == 1) {
                Task task = tasks.findById(id).orElseThrow();
                task.cancel(clock);
                tasks.saveAndFlush(task);
            }
        }
        List<String> numbered = new ArrayList<>();
        for (int page = 1; page <= (EXISTING + PAGE - 1) / PAGE; page++) {
            listing.list(user, TaskQuery.parse(params("status", true, page, null)))
                    .tasks()
                    .forEach(t -> numbered.add(t.id()));
        }

        List<String> byCursor = readAll("status", true, List.of());

        assertThat(byCursor).hasSize(EXISTING).containsExactlyElementsOf(numbered);
    }

    @Test
    void filenameFilterTakesPercentAndUnderscoreLiterallyAndCountsExactlyUnderTheCap() {
        add("50%_off.png");
        add("50xxoff.png");
        add("invoice_50%_off.pdf");

        TaskListing.Listing found = listing.list(
                user, TaskQuery.parse(new TaskQuery.Params(null, "50%_OFF", null, null, null, PAGE, null, null, null)));

        assertThat(found.tasks()).extracting(Task::filename).containsExactly("invoice_50%_off.pdf", "50%_off.png");
        assertThat(found.total()).isEqualTo(2);
        assertThat(found.totalIsEstimate()).isFalse();
    }

    @Test
    void aFilteredTotalIsExactOnTheLastPageAndPastTheEnd() {
        for (int i = 0; i < PAGE + 2; i++) {
            add("report-" + i + ".pdf");
        }
        add("other.png");

        for (int page = 1; page <= 3; page++) {
            TaskListing.Listing found = listing.list(
                    user,
                    TaskQuery.parse(new TaskQuery.Params(null, "report", null, null, page, PAGE, null, null, null)));
            assertThat(found.total()).as("page %d", page).isEqualTo(PAGE + 2);
            assertThat(found.totalIsEstimate()).isFalse();
        }
    }

    @Test
    void listsNoTaskOfAnotherUser() {
        add("mine.png");
        String mine = user;
        aUser();
        add("theirs.png");

        assertThat(listing.list(mine, TaskQuery.parse(params(null, null, null, null)))
                        .tasks())
                .extracting(Task::filename)
                .containsExactly("mine.png");
    }
}
