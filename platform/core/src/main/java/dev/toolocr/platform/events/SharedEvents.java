package dev.toolocr.platform.events;

import java.util.Optional;

/**
 * The one way to publish a {@link SharedEvent}. In-process by default (Spring's application events,
 * received by ordinary listeners); a broker-backed implementation also hands each event to every
 * other process, so publishers never change when an application is spread over several machines.
 */
public interface SharedEvents {

    void publish(SharedEvent event);

    /**
     * Why events are not reaching the other processes just now (the broker is unreachable), for
     * readiness to report; empty when all is well or when there is only this process.
     */
    default Optional<String> brokerProblem() {
        return Optional.empty();
    }
}
