package dev.toolocr.server.metrics;

import dev.toolocr.platform.events.SharedEvents;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: DEGRADED (still 200, still serving) while events cannot reach the other
 * processes, so an operator sees the broker outage without the load balancer dropping the node.
 */
@Component("sharedEventsHealthIndicator")
class SharedEventsHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "events do not reach the other processes");

    private final SharedEvents events;

    SharedEventsHealth(SharedEvents events) {
        this.events = events;
    }

    @Override
    public Health health() {
        return events.brokerProblem()
                .map(problem ->
                        Health.status(DEGRADED).withDetail("problem", problem).build())
                .orElseGet(() -> Health.up().build());
    }
}
