package dev.toolocr.incident.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The incident app's settings.
 *
 * @param dataDir {@code INCIDENT_DATA_DIR}: the embedded database, files and keys live below it
 * @param messages per-user send limits
 * @param realtime WebSocket behaviour
 */
@Validated
@ConfigurationProperties("incident")
public record IncidentProperties(
        @NotNull Path dataDir,
        @Valid @NotNull @DefaultValue Messages messages,
        @Valid @NotNull @DefaultValue Realtime realtime) {

    /**
     * @param maxPerWindow messages one user may send to one room within {@code window} (each
     *     counted send is kept in the database until it leaves the window, hence the upper bound)
     * @param window the sliding window of the send limit
     * @param commitLanes group-commit lanes, each a thread holding one pooled connection while it
     *     commits; a room always uses the same lane, so four leave most of the default pool of ten free
     * @param commitBatch the most sends one lane commits in one transaction
     * @param commitQueue sends a lane holds before further sends are refused with 503 {@code server-busy}
     */
    public record Messages(
            @DefaultValue("30") @Min(1) @Max(1000) int maxPerWindow,
            @DefaultValue("10s") @NotNull Duration window,
            @DefaultValue("4") @Min(1) @Max(64) int commitLanes,
            @DefaultValue("32") @Min(1) @Max(1000) int commitBatch,
            @DefaultValue("10000") @Min(1) @Max(1000000) int commitQueue) {}

    /**
     * @param typingExpiry how long a typing flag lasts without renewal
     * @param rabbitmqUrl {@code RABBITMQ_URL}: with it, STOMP goes through RabbitMQ's STOMP plugin
     *     (same host, user, password and virtual host) so that every process serves every room;
     *     blank keeps the in-process broker
     * @param rabbitmqStompPort {@code RABBITMQ_STOMP_PORT}: the STOMP plugin's port
     * @param sessionCheckInterval how often each open socket's sign-in session is checked again
     *     (ended sessions are also announced at once; this catches idle and absolute expiry)
     */
    public record Realtime(
            @DefaultValue("6s") @NotNull Duration typingExpiry,
            URI rabbitmqUrl,
            @DefaultValue("61613") @Min(1) @Max(65535) int rabbitmqStompPort,
            @DefaultValue("30s") @NotNull Duration sessionCheckInterval) {

        /** The relay's connection, when {@code RABBITMQ_URL} is set. */
        public Optional<StompRelay> relay() {
            return rabbitmqUrl == null || rabbitmqUrl.toString().isBlank()
                    ? Optional.empty()
                    : Optional.of(StompRelay.of(rabbitmqUrl, rabbitmqStompPort));
        }

        @AssertTrue(message = "RABBITMQ_URL must be amqp://user:password@host:port/vhost (or amqps://)")
        public boolean isRabbitmqUrlUsable() {
            if (rabbitmqUrl == null || rabbitmqUrl.toString().isBlank()) {
                return true;
            }
            try {
                StompRelay.of(rabbitmqUrl, rabbitmqStompPort);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "Realtime[typingExpiry=" + typingExpiry + ", relay="
                    + relay().map(StompRelay::toString).orElse("none") + ", sessionCheckInterval="
                    + sessionCheckInterval + "]";
        }
    }
}
