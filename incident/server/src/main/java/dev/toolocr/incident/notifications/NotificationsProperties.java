package dev.toolocr.incident.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notification inbox's bounds: the table holds at most about {@code keepPerUser} notices per
 * person and none older than {@code maxAge}, whichever is reached first.
 *
 * @param keepPerUser the newest notices kept per person; older ones are removed by the purge
 * @param maxAge notices older than this are removed, read or not
 * @param purgeInterval how often each process applies both bounds (a delete that any process may run)
 */
@Validated
@ConfigurationProperties("incident.notifications")
public record NotificationsProperties(
        @DefaultValue("200") @Min(10) @Max(10000) int keepPerUser,

        @DefaultValue("90d") @NotNull @DurationMin(hours = 1) @DurationMax(days = 3650)
        Duration maxAge,

        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) @DurationMax(days = 1)
        Duration purgeInterval) {}
