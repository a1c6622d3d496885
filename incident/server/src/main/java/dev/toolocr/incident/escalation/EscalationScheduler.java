package dev.toolocr.incident.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Looks for due steps and due webhook deliveries in every process, on two threads of its own: firing
 * never waits behind a slow receiver, and neither waits behind the app's other scheduled work. Which
 * process fires a step is decided in the database, not here.
 */
@Component
class EscalationScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);

    private final Escalations escalations;
    private final WebhookSender webhooks;
    private final EscalationProperties properties;
    private ThreadPoolTaskScheduler scheduler;

    EscalationScheduler(Escalations escalations, WebhookSender webhooks, EscalationProperties properties) {
        this.escalations = escalations;
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
        s.setPoolSize(2);
        s.setThreadNamePrefix("escalation-");
        s.setWaitForTasksToCompleteOnShutdown(true);
        s.setAwaitTerminationSeconds(15);
        s.initialize();
        s.scheduleWithFixedDelay(
                () -> guarded("firing escalation steps", () -> escalations.fireDue()), properties.pollInterval());
        s.scheduleWithFixedDelay(
                () -> guarded("sending escalation webhooks", () -> webhooks.deliverDue()), properties.pollInterval());
        scheduler = s;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next look tries again.
            log.warn("Failed {}: {}", what, e.toString());
        }
    }
}
