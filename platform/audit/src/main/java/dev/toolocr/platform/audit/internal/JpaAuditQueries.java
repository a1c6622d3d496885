package dev.toolocr.platform.audit.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.audit.AuditQueries;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.annotation.Transactional;

/** The audit log read from its table. */
@Transactional(readOnly = true)
class JpaAuditQueries implements AuditQueries {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final AuditRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    JpaAuditQueries(AuditRepository repository, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Page<Entry> search(Filter filter, int page, int pageSize) {
        return repository
                .findAll(specification(filter), PageRequest.of(page, pageSize, newestFirst()))
                .map(this::toEntry);
    }

    @Override
    public Summary summary(String userId) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : repository.countByEventType(userId)) {
            counts.put((String) row[0], (Long) row[1]);
        }
        List<Object[]> seen = repository.firstAndLastSeen(userId);
        Instant first = seen.isEmpty() ? null : (Instant) seen.get(0)[0];
        Instant last = seen.isEmpty() ? null : (Instant) seen.get(0)[1];
        long failed = repository.countSince(
                userId, "login_failure", "failure", clock.instant().minus(Duration.ofHours(24)));
        return new Summary(userId, counts, first, last, failed);
    }

    @Override
    public List<Long> countPerDay(String eventType, int days) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        java.time.LocalDate first = today.minusDays(days - 1L);
        Map<java.time.LocalDate, Long> counts = new TreeMap<>();
        for (Object[] row :
                repository.countPerDaySince(eventType, first.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
            Object day = row[0];
            java.time.LocalDate date = day instanceof java.time.LocalDate d
                    ? d
                    : day instanceof java.sql.Date d
                            ? d.toLocalDate()
                            : java.time.LocalDate.parse(String.valueOf(day).substring(0, 10));
            counts.put(date, ((Number) row[1]).longValue());
        }
        List<Long> series = new ArrayList<>();
        for (java.time.LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            series.add(counts.getOrDefault(day, 0L));
        }
        return series;
    }

    @Override
    public void forEach(Filter filter, Consumer<Entry> action) {
        int page = 0;
        Page<AuditEntry> batch;
        do {
            batch = repository.findAll(specification(filter), PageRequest.of(page++, 1000, newestFirst()));
            batch.map(this::toEntry).forEach(action);
        } while (batch.hasNext());
    }

    private static Sort newestFirst() {
        return Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
    }

    private static Specification<AuditEntry> specification(Filter f) {
        return (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (f.userId() != null) {
                where.add(cb.equal(root.get("userId"), f.userId()));
            }
            if (f.email() != null) {
                where.add(cb.equal(root.get("userEmail"), f.email().trim().toLowerCase(Locale.ROOT)));
            }
            if (f.eventType() != null) {
                where.add(cb.equal(root.get("eventType"), f.eventType()));
            }
            if (f.outcome() != null) {
                where.add(cb.equal(root.get("outcome"), f.outcome()));
            }
            if (f.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), f.from()));
            }
            if (f.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), f.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private Entry toEntry(AuditEntry e) {
        Map<String, String> details = Map.of();
        if (e.details() != null) {
            try {
                details = json.readValue(e.details(), DETAILS);
            } catch (Exception ignored) {
                details = Map.of("raw", e.details());
            }
        }
        return new Entry(
                e.id(),
                e.occurredAt(),
                e.userId(),
                e.userEmail(),
                e.eventType(),
                e.outcome(),
                e.ipAddress(),
                e.userAgent(),
                e.requestId(),
                details);
    }
}
