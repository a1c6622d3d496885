package dev.toolocr.platform.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.events.SharedEvent;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** Two processes' publishers on the local RabbitMQ: what one publishes, the other's listeners get once. */
class RabbitSharedEventsIT {

    record Progress(String taskId, int pagesDone) implements SharedEvent {}

    private static final URI BROKER =
            URI.create(System.getProperty("toolocr.it.rabbitmq", "amqp://guest:guest@127.0.0.1:5672"));

    @Test
    void anEventPublishedOnOneProcessReachesTheOtherOnceAndItsOwnOnce() throws Exception {
        requireBroker();
        String exchange = "it.events." + UUID.randomUUID();
        List<Object> seenByA = new CopyOnWriteArrayList<>();
        List<Object> seenByB = new CopyOnWriteArrayList<>();
        RabbitSharedEvents a = new RabbitSharedEvents(
                new CachingConnectionFactory(BROKER), exchange, seenByA::add, new ObjectMapper());
        RabbitSharedEvents b = new RabbitSharedEvents(
                new CachingConnectionFactory(BROKER), exchange, seenByB::add, new ObjectMapper());
        a.start();
        b.start();
        try {
            Thread.sleep(500); // both queues bound
            a.publish(new Progress("t-1", 3));

            long deadline = System.currentTimeMillis() + 10_000;
            while (seenByB.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // anything extra would have arrived by now
            assertThat(seenByB).containsExactly(new Progress("t-1", 3));
            assertThat(seenByA)
                    .as("delivered here at once, not again from the broker")
                    .containsExactly(new Progress("t-1", 3));
        } finally {
            a.stop();
            b.stop();
        }
    }

    @Test
    void withTheBrokerDownEventsStillReachThisProcess() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        RabbitSharedEvents alone = new RabbitSharedEvents(
                new CachingConnectionFactory(URI.create("amqp://guest:guest@127.0.0.1:1")),
                "it.down",
                seen::add,
                new ObjectMapper());
        alone.start();
        try {
            alone.publish(new Progress("t-2", 1));
            assertThat(seen).containsExactly(new Progress("t-2", 1));
            assertThat(alone.brokerProblem())
                    .hasValueSatisfying(p -> assertThat(p).contains("not reachable"));
        } finally {
            alone.stop();
        }
    }

    private static void requireBroker() {
        try (Socket ignored = new Socket(BROKER.getHost(), BROKER.getPort())) {
            // reachable
        } catch (Exception e) {
            String reason = "RabbitMQ is not reachable at " + BROKER.getHost() + ":" + BROKER.getPort();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true and " + reason + "; start it (see README, Tests).");
            }
            System.err.println("NOTICE: skipping RabbitMQ integration test: " + reason);
            Assumptions.abort(reason);
        }
    }
}
