package dev.toolocr.incident.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Escalation of rooms nobody acknowledged.
 *
 * @param pollInterval how often each process looks for steps that are due and webhooks to send; a
 *     step fires at most this long after its {@code after_minutes} passed
 * @param batchSize steps (and webhook deliveries) taken per look
 * @param webhook the optional outgoing webhook told of every fired step
 */
@Validated
@ConfigurationProperties("incident.escalation")
public record EscalationProperties(
        @DefaultValue("10s") @NotNull @DurationMin(millis = 50) @DurationMax(minutes = 10)
        Duration pollInterval,

        @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
        @Valid @NotNull @DefaultValue Webhook webhook) {

    /**
     * @param url {@code INCIDENT_WEBHOOK_URL}: where a JSON body is POSTed for each fired step; blank
     *     for none. Logged by host only, since such URLs often carry a token.
     * @param secret {@code INCIDENT_WEBHOOK_SECRET}: when set, each body is signed with HMAC-SHA256 in
     *     {@code X-Incident-Signature: sha256=<hex>} so the receiver can tell it came from here
     * @param connectTimeout how long to wait for the connection
     * @param timeout how long one attempt may take in all, answer included
     * @param maxAttempts attempts per delivery before it is given up (and logged)
     * @param retryBackoff the wait after the first failure; doubled after each further one, at most 1 h
     */
    public record Webhook(
            @Pattern(regexp = "(https?://[^\\s]+)?", message = "must be blank or an http:// or https:// URL")
            String url,

            String secret,

            @DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1)
            Duration connectTimeout,

            @DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 2)
            Duration timeout,

            @DefaultValue("5") @Min(1) @Max(20) int maxAttempts,

            @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1)
            Duration retryBackoff) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }

        /** Neither the URL (it may hold a token) nor the secret belongs in a log or a settings dump. */
        @Override
        public String toString() {
            return "Webhook[url=" + (enabled() ? "(set)" : "(none)") + ", secret="
                    + (secret == null || secret.isEmpty() ? "(none)" : "(set)") + ", connectTimeout="
                    + connectTimeout + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts
                    + ", retryBackoff=" + retryBackoff + "]";
        }
    }
}
