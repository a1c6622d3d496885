package dev.toolocr.platform.events.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.events.EventsProperties;
import dev.toolocr.platform.events.SharedEvents;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/** Shared events in this process, or through RabbitMQ to every process when a broker is named. */
@AutoConfiguration
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SharedEvents sharedEvents(EventsProperties properties, ApplicationEventPublisher publisher, ObjectMapper json) {
        if (!properties.crossesProcesses()) {
            return new InProcessSharedEvents(publisher);
        }
        CachingConnectionFactory connections = new CachingConnectionFactory(properties.rabbitmqUrl());
        return new RabbitSharedEvents(connections, properties.exchange(), publisher, json);
    }
}
