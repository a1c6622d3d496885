package dev.toolocr.platform.audit.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Retention is the only deletion the audit log knows. */
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditRepository repository;
    private final Clock clock;
    private final int retentionDays;

    AuditRetention(AuditRepository repository, Clock clock, int retentionDays) {
        this.repository = repository;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT6H")
    void purgeExpired() {
        int removed = repository.deleteOlderThan(clock.instant().minus(Duration.ofDays(retentionDays)));
        if (removed > 0) {
            log.info("Audit retention removed {} entries older than {} days", removed, retentionDays);
        }
    }
}
