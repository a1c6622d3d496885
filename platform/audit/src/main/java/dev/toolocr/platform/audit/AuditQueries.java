package dev.toolocr.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;

/** Read side of the audit log for administrators: filtered pages, per-user summaries, export. */
public interface AuditQueries {

    /** Filters; any may be null. {@code to} is exclusive. */
    record Filter(String userId, String email, String eventType, String outcome, Instant from, Instant to) {}

    record Entry(
            String id,
            Instant occurredAt,
            String userId,
            String userEmail,
            String eventType,
            String outcome,
            String ipAddress,
            String userAgent,
            String requestId,
            Map<String, String> details) {}

    record Summary(
            String userId,
            Map<String, Long> countsByEventType,
            Instant firstSeen,
            Instant lastSeen,
            long failedLoginsLast24h) {}

    /** Newest first; {@code page} from 0. */
    Page<Entry> search(Filter filter, int page, int pageSize);

    Summary summary(String userId);

    /** Entries of one type per UTC day for the last {@code days} days, oldest first. */
    List<Long> countPerDay(String eventType, int days);

    /** Every matching entry, newest first, fetched in pages so memory stays flat. */
    void forEach(Filter filter, Consumer<Entry> action);
}
