package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskQueryTest {

    @Test
    void rejectsSortFieldsOutsideTheWhitelist() {
        assertThatThrownBy(() ->
                        TaskQuery.parse(new TaskQuery.Params(null, null, null, null, 1, 20, "user_id", true, null)))
                .hasMessageContaining("sort_by must be one of");
        assertThatThrownBy(() -> TaskQuery.parse(
                        new TaskQuery.Params(null, null, null, null, 1, 20, "created_at; drop table", true, null)))
                .hasMessageContaining("sort_by");
    }

    @Test
    void boundsPageAndPageSize() {
        assertThatThrownBy(() -> TaskQuery.parse(new TaskQuery.Params(null, null, null, null, 0, 20, null, null, null)))
                .hasMessageContaining("page starts at 1");
        assertThatThrownBy(
                        () -> TaskQuery.parse(new TaskQuery.Params(null, null, null, null, 1, 101, null, null, null)))
                .hasMessageContaining("page_size");
    }

    @Test
    void dateRangeCoversWholeDays() {
        TaskQuery q = TaskQuery.parse(
                new TaskQuery.Params(null, null, "2026-11-01", "2026-11-02", null, null, null, null, null));

        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(q.sortProperty()).isEqualTo("createdAt");
        assertThat(q.descending()).isTrue();
    }

    @Test
    void rejectsUnknownStatusAndBadDates() {
        assertThatThrownBy(() ->
                        TaskQuery.parse(new TaskQuery.Params("done", null, null, null, null, null, null, null, null)))
                .hasMessageContaining("status must be one of");
        assertThatThrownBy(() -> TaskQuery.parse(
                        new TaskQuery.Params(null, null, "yesterday", null, null, null, null, null, null)))
                .hasMessageContaining("date_from");
    }
}
