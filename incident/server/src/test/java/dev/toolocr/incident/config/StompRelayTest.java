package dev.toolocr.incident.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StompRelayTest {

    private static IncidentProperties.Realtime realtime(String url) {
        return new IncidentProperties.Realtime(
                Duration.ofSeconds(6), url == null ? null : URI.create(url), 61613, Duration.ofSeconds(30));
    }

    @Test
    void takesHostUserPasswordAndVirtualHostFromTheAmqpUrlAndThePortFromTheStompSetting() {
        StompRelay relay = realtime("amqp://irs:s%40cret%2Fpw@mq.example:5672/incident")
                .relay()
                .orElseThrow();
        assertThat(relay).isEqualTo(new StompRelay("mq.example", 61613, "irs", "s@cret/pw", "incident", false));
    }

    @Test
    void noPathIsTheDefaultVirtualHostAndNoUserIsGuest() {
        assertThat(realtime("amqp://127.0.0.1").relay().orElseThrow())
                .isEqualTo(new StompRelay("127.0.0.1", 61613, "guest", "guest", "/", false));
        assertThat(realtime("amqp://u:p@h/%2F").relay().orElseThrow().virtualHost())
                .isEqualTo("/");
        assertThat(realtime("amqps://u:p@h/v").relay().orElseThrow().tls()).isTrue();
    }

    @Test
    void withoutAUrlThereIsNoRelayAndTheInProcessBrokerStays() {
        assertThat(realtime(null).relay()).isEmpty();
        assertThat(realtime("").relay()).isEmpty();
        assertThat(realtime(null).isRabbitmqUrlUsable()).isTrue();
    }

    @Test
    void anUnusableUrlFailsValidationInsteadOfStartingWithoutTheBroker() {
        assertThat(realtime("http://mq.example").isRabbitmqUrlUsable()).isFalse();
        assertThat(realtime("amqp:///vhost").isRabbitmqUrlUsable()).isFalse();
        assertThatThrownBy(() -> realtime("stomp://h").relay()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePasswordNeverAppearsInTheSettingsAsPrinted() {
        IncidentProperties.Realtime settings = realtime("amqp://irs:TopSecret-42@mq.example/incident");
        assertThat(settings.toString()).doesNotContain("TopSecret-42").contains("irs:***@mq.example:61613");
        assertThat(settings.relay().orElseThrow().toString()).doesNotContain("TopSecret-42");
    }
}
