package dev.toolocr.platform.events;

/**
 * The one way to publish a {@link SharedEvent}. In-process by default (Spring's application events,
 * received by ordinary listeners); a broker-backed implementation also hands each event to every
 * other process, so publishers never change when an application is spread over several machines.
 */
public interface SharedEvents {

    void publish(SharedEvent event);
}
