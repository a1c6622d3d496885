package dev.toolocr.platform.events.internal;

import dev.toolocr.platform.events.SharedEvents;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SharedEvents sharedEvents(ApplicationEventPublisher publisher) {
        return new InProcessSharedEvents(publisher);
    }
}
