package dev.toolocr.server.metrics;

import dev.toolocr.platform.auth.AuthEvent;
import dev.toolocr.server.tasks.TaskActivity;
import dev.toolocr.server.tasks.TaskChanged;
import dev.toolocr.server.tasks.TaskStatistics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The product's own metrics, all prefixed {@code tool_ocr_}: sign-ins by outcome, refreshes,
 * throttling, tasks by outcome, pages, per-page time, queue depth. Counters follow events; gauges
 * are refreshed from aggregate queries every few seconds rather than on each scrape.
 */
@Component
class ToolOcrMetrics {

    private final MeterRegistry registry;
    private final TaskStatistics statistics;
    private final Map<String, AtomicLong> tasksByStatus = new ConcurrentHashMap<>();
    private final AtomicLong queueDepth = new AtomicLong();
    private final AtomicLong pagesProcessed = new AtomicLong();
    private final AtomicLong storageBytes = new AtomicLong();
    private final DistributionSummary pageSeconds;
    private final Map<String, Long> lastPages = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPageAt = new ConcurrentHashMap<>();

    ToolOcrMetrics(MeterRegistry registry, TaskStatistics statistics) {
        this.registry = registry;
        this.statistics = statistics;
        Gauge.builder("tool_ocr_storage_bytes", storageBytes, AtomicLong::get)
                .description("Bytes of uploads and results on disk")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("tool_ocr_queue_depth", queueDepth, AtomicLong::get)
                .description("Tasks waiting in the queue")
                .register(registry);
        Gauge.builder("tool_ocr_pages_processed", pagesProcessed, AtomicLong::get)
                .description("Pages of completed tasks")
                .register(registry);
        for (String status : new String[] {"pending", "queued", "processing", "completed", "failed", "cancelled"}) {
            AtomicLong value = tasksByStatus.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("tool_ocr_tasks", value, AtomicLong::get)
                    .tag("status", status)
                    .description("Tasks by status")
                    .register(registry);
        }
        this.pageSeconds = DistributionSummary.builder("tool_ocr_page_processing_seconds")
                .description("Time to recognise one page")
                .baseUnit("seconds")
                .publishPercentileHistogram()
                .register(registry);
    }

    @EventListener
    void onAuth(AuthEvent event) {
        switch (event.type()) {
            case "login_success", "login_failure" ->
                Counter.builder("tool_ocr_logins")
                        .tag("outcome", event.type().equals("login_success") ? "success" : event.outcome())
                        .register(registry)
                        .increment();
            case "login_throttled" ->
                Counter.builder("tool_ocr_throttled_requests")
                        .register(registry)
                        .increment();
            case "token_refresh" ->
                Counter.builder("tool_ocr_token_refreshes").register(registry).increment();
            case "refresh_reuse_detected" ->
                Counter.builder("tool_ocr_refresh_reuse_detected")
                        .register(registry)
                        .increment();
            default -> {
                // Other auth events are audited but not counted.
            }
        }
    }

    @EventListener
    void onTask(TaskChanged changed) {
        String status = changed.status();
        if (status.equals("processing") && changed.pagesDone() > 0) {
            long now = System.nanoTime();
            Long before = lastPageAt.put(changed.taskId(), now);
            long previousPages = lastPages.getOrDefault(changed.taskId(), 0L);
            if (before != null && changed.pagesDone() > previousPages) {
                double seconds =
                        Duration.ofNanos(now - before).toMillis() / 1000.0 / (changed.pagesDone() - previousPages);
                pageSeconds.record(seconds);
            }
            lastPages.put(changed.taskId(), (long) changed.pagesDone());
        } else if (status.equals("processing")) {
            lastPageAt.put(changed.taskId(), System.nanoTime());
        }
        if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
            Counter.builder("tool_ocr_tasks_finished")
                    .tag("status", status)
                    .register(registry)
                    .increment();
            lastPages.remove(changed.taskId());
            lastPageAt.remove(changed.taskId());
        }
    }

    @EventListener
    void onActivity(TaskActivity activity) {
        if (activity.action().equals("task_create")) {
            Counter.builder("tool_ocr_tasks_submitted").register(registry).increment();
        }
    }

    /** A sum over the task rows: measured once a minute, not per scrape. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 2000)
    void refreshStorage() {
        storageBytes.set(statistics.storedBytes());
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 1000)
    void refreshGauges() {
        TaskStatistics.Overview overview = statistics.overview();
        overview.byStatus()
                .forEach((status, count) -> tasksByStatus
                        .computeIfAbsent(status, s -> new AtomicLong())
                        .set(count));
        queueDepth.set(overview.queueDepth());
        pagesProcessed.set(overview.pagesProcessed());
    }
}
