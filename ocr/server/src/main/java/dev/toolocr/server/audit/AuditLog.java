package dev.toolocr.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes audit events without ever blocking or failing the request that caused them: events are
 * queued after the surrounding transaction commits and written in batches by a background thread.
 * A full queue drops the event, counts it in {@code tool_ocr_audit_overflow_total} and logs it.
 */
@Service
public class AuditLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 200;

    private final AuditRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditProperties properties;
    private final BlockingQueue<AuditRecord> queue;
    private final Counter overflow;
    private final Counter written;
    /** Accepted but not yet written (queued or in the writer's hands). */
    private final AtomicInteger pending = new AtomicInteger();

    private volatile Thread writer;
    private volatile boolean running;

    AuditLog(
            AuditRepository repository,
            ObjectMapper json,
            Clock clock,
            AuditProperties properties,
            MeterRegistry meters) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.overflow = Counter.builder("tool_ocr_audit_overflow")
                .description("Audit events dropped because the write queue was full")
                .register(meters);
        this.written = Counter.builder("tool_ocr_audit_written")
                .description("Audit events written")
                .register(meters);
    }

    /** Records an event once the current transaction (if any) has committed. */
    public void record(AuditRecord event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(event);
                }
            });
        } else {
            enqueue(event);
        }
    }

    private void enqueue(AuditRecord event) {
        pending.incrementAndGet();
        if (!queue.offer(event)) {
            pending.decrementAndGet();
            overflow.increment();
            log.warn(
                    "Audit queue full ({} entries); dropped event {} outcome {} for user {}",
                    properties.queueCapacity(),
                    event.eventType(),
                    event.outcome(),
                    event.userId());
        }
    }

    /** Writes everything accepted so far, waiting briefly for a batch the writer holds; for shutdown and tests. */
    public void flush() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private void write(List<AuditRecord> batch) {
        try {
            repository.saveAll(
                    batch.stream().map(r -> new AuditEntry(r, detailsJson(r))).toList());
            written.increment(batch.size());
        } catch (RuntimeException e) {
            overflow.increment(batch.size());
            log.error("Could not write {} audit events: {}", batch.size(), e.getMessage());
        } finally {
            pending.addAndGet(-batch.size());
        }
    }

    private String detailsJson(AuditRecord r) {
        if (r.details().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(new TreeMap<>(r.details()));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::drainLoop, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void drainLoop() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditRecord first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread w = writer;
        if (w != null) {
            try {
                w.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop late, after the components that produce events. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT6H")
    void purgeExpired() {
        int removed = repository.deleteOlderThan(clock.instant().minus(Duration.ofDays(properties.retentionDays())));
        if (removed > 0) {
            log.info("Audit retention removed {} entries older than {} days", removed, properties.retentionDays());
        }
    }
}
