package dev.toolocr.platform.events.internal;

import dev.toolocr.platform.events.SharedEvent;
import dev.toolocr.platform.events.SharedEvents;
import org.springframework.context.ApplicationEventPublisher;

/** The embedded default: shared events reach this process's listeners only. */
class InProcessSharedEvents implements SharedEvents {

    private final ApplicationEventPublisher publisher;

    InProcessSharedEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(SharedEvent event) {
        publisher.publishEvent(event);
    }
}
