package dev.toolocr.incident.realtime;

import dev.toolocr.incident.config.IncidentProperties;
import dev.toolocr.platform.events.SharedEvents;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: DEGRADED (still 200, REST still serving and every message still stored) while
 * the STOMP relay has lost RabbitMQ or shared events cannot reach the other processes. The relay
 * reconnects by itself every few seconds; sockets opened meanwhile are refused and clients retry.
 */
@Component("messageBrokerHealthIndicator")
class BrokerHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "live delivery is interrupted; clients catch up by seq");

    private final SharedEvents events;
    private final boolean relayed;
    private volatile boolean available;

    BrokerHealth(SharedEvents events, IncidentProperties properties) {
        this.events = events;
        this.relayed = properties.realtime().relay().isPresent();
    }

    @EventListener
    void on(BrokerAvailabilityEvent event) {
        available = event.isBrokerAvailable();
    }

    @Override
    public Health health() {
        if (relayed && !available) {
            return Health.status(DEGRADED)
                    .withDetail("problem", "the STOMP relay is not connected to RabbitMQ")
                    .build();
        }
        return events.brokerProblem()
                .map(problem ->
                        Health.status(DEGRADED).withDetail("problem", problem).build())
                .orElseGet(() -> Health.up().build());
    }
}
