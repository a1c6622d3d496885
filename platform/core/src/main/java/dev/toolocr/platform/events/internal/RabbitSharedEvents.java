package dev.toolocr.platform.events.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.ShutdownSignalException;
import dev.toolocr.platform.events.SharedEvent;
import dev.toolocr.platform.events.SharedEvents;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Shared events through a RabbitMQ fanout exchange: each event is delivered in this process at once
 * and sent to every other process of the application, which delivers it to its own listeners. Each
 * process reads a queue of its own that lives as long as its connection. When the broker is down,
 * local delivery goes on and the rest is lost for the other processes, which is why every such event
 * only tells them to look again: the database stays the truth. Only {@link SharedEvent} records of
 * this code base are ever turned back into objects.
 */
class RabbitSharedEvents implements SharedEvents, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RabbitSharedEvents.class);
    private static final String ORIGIN = "origin";
    private static final String ALLOWED_PACKAGE = "dev.toolocr.";

    private final ConnectionFactory connections;
    private final ApplicationEventPublisher local;
    private final ObjectMapper json;
    private final RabbitTemplate rabbit;
    private final RabbitAdmin admin;
    private final FanoutExchange exchange;
    private final Queue queue = new AnonymousQueue();
    private final Binding binding;
    private final SimpleMessageListenerContainer container;
    private final String processId = UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile String problem;

    RabbitSharedEvents(
            ConnectionFactory connections, String exchangeName, ApplicationEventPublisher local, ObjectMapper json) {
        this.connections = connections;
        this.local = local;
        this.json = json;
        this.rabbit = new RabbitTemplate(connections);
        this.admin = new RabbitAdmin(connections);
        this.exchange = new FanoutExchange(exchangeName, true, false);
        this.binding = BindingBuilder.bind(queue).to(exchange);
        // Declared whenever a connection opens, so a restarted broker gets them back.
        connections.addConnectionListener(new ConnectionListener() {
            @Override
            public void onCreate(Connection connection) {
                problem = null;
                declare();
            }

            @Override
            public void onShutDown(ShutdownSignalException signal) {
                problem = "the message broker closed the connection: " + signal.getMessage();
            }
        });
        this.container = new SimpleMessageListenerContainer(connections);
        container.setAmqpAdmin(admin);
        container.setQueues(queue);
        container.setMessageListener(this::receive);
        container.setMissingQueuesFatal(false);
    }

    @Override
    public void publish(SharedEvent event) {
        local.publishEvent(event);
        try {
            MessageProperties properties = new MessageProperties();
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            properties.setType(event.getClass().getName());
            properties.setHeader(ORIGIN, processId);
            rabbit.send(exchange.getName(), "", new Message(json.writeValueAsBytes(event), properties));
        } catch (AmqpException e) {
            problem = "the message broker is not reachable: " + e.getMessage();
            log.warn(
                    "Could not hand a {} to the other processes: {}",
                    event.getClass().getSimpleName(),
                    e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn(
                    "Could not hand a {} to the other processes: {}",
                    event.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    private void receive(Message message) {
        MessageProperties properties = message.getMessageProperties();
        if (processId.equals(properties.getHeader(ORIGIN))) {
            return; // delivered here already, when it was published
        }
        String type = properties.getType();
        try {
            if (type == null || !type.startsWith(ALLOWED_PACKAGE)) {
                throw new IllegalArgumentException("not one of this application's events: " + type);
            }
            Class<?> eventClass = Class.forName(type, false, getClass().getClassLoader());
            if (!SharedEvent.class.isAssignableFrom(eventClass) || !eventClass.isRecord()) {
                throw new IllegalArgumentException("not a shared event: " + type);
            }
            local.publishEvent(json.readValue(message.getBody(), eventClass));
        } catch (Exception e) {
            log.warn(
                    "Ignored a shared event that could not be read ({}): {}",
                    e.getMessage(),
                    new String(message.getBody(), 0, Math.min(200, message.getBody().length), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void start() {
        running = true;
        try {
            declare();
        } catch (AmqpException e) {
            problem = "the message broker is not reachable: " + e.getMessage();
            log.warn(
                    "The message broker is not reachable yet ({}); events stay in this process until it is",
                    e.getMessage());
        }
        container.start();
    }

    private void declare() {
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.declareBinding(binding);
    }

    @Override
    public Optional<String> brokerProblem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void stop() {
        running = false;
        container.stop();
        if (connections instanceof org.springframework.beans.factory.DisposableBean closable) {
            try {
                closable.destroy();
            } catch (Exception e) {
                log.debug("Closing the broker connection failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
