package dev.toolocr.platform.events;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where shared events travel between processes.
 *
 * @param rabbitmqUrl the broker, e.g. {@code amqp://user:pass@mq:5672/vhost}; blank keeps events in
 *     this process (the embedded default)
 * @param exchange the fanout exchange the application's processes share; each application its own
 * @param resubmitAfter how old an accepted but unhandled in-process event (a publication in the
 *     registry) must be before it is handed to its listener again
 */
@Validated
@ConfigurationProperties("platform.events")
public record EventsProperties(
        URI rabbitmqUrl,
        @DefaultValue("platform.events") @NotBlank String exchange,
        @DefaultValue("PT1M") @DurationMin(seconds = 1) Duration resubmitAfter) {

    public boolean crossesProcesses() {
        return rabbitmqUrl != null && !rabbitmqUrl.toString().isBlank();
    }

    @Override
    public String toString() {
        String url = rabbitmqUrl == null ? "" : rabbitmqUrl.toString().replaceAll("//[^@/]*@", "//***@");
        return "EventsProperties[rabbitmqUrl=" + url + ", exchange=" + exchange + ", resubmitAfter=" + resubmitAfter
                + "]";
    }
}
