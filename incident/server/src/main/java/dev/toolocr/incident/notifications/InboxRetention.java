package dev.toolocr.incident.notifications;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the inbox table bounded (NotificationsProperties). Deletes only, so every process may run it
 * at the same time as the others; each person's trim is a transaction of its own.
 */
@Component
class InboxRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
    private static final int USERS_PER_RUN = 500;

    private final NotificationRepository notifications;
    private final NotificationsProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    InboxRetention(
            NotificationRepository notifications,
            NotificationsProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::guardedPurge, properties.purgeInterval());
    }

    /** Removes notices past the age limit, then each person's beyond the newest keepPerUser; returns how many. */
    int purge() {
        int removed =
                tx.execute(s -> notifications.deleteOlderThan(clock.instant().minus(properties.maxAge())));
        int keep = properties.keepPerUser();
        List<String> users = notifications.usersHoldingMoreThan(keep, PageRequest.of(0, USERS_PER_RUN));
        for (String user : users) {
            removed += tx.execute(s ->
                    notifications.findByUserIdOrderByCreatedAtDescIdDesc(user, PageRequest.of(keep - 1, 1)).stream()
                            .findFirst()
                            .map(oldestKept -> notifications.deleteOlderThan(user, oldestKept.createdAt()))
                            .orElse(0));
        }
        return removed;
    }

    private void guardedPurge() {
        try {
            int removed = purge();
            if (removed > 0) {
                log.info("Removed {} old notifications", removed);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next run tries again.
            log.warn("Failed to remove old notifications: {}", e.toString());
        }
    }
}
