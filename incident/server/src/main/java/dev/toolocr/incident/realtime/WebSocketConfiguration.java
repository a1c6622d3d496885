package dev.toolocr.incident.realtime;

import dev.toolocr.incident.config.IncidentProperties;
import dev.toolocr.incident.config.StompRelay;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP 1.2 over plain WebSocket at {@code /ws}: the in-process broker by default, or with
 * {@code RABBITMQ_URL} the relay to RabbitMQ's STOMP plugin, which every process of the app shares.
 * A room topic {@code /topic/rooms.{id}} is then the routing key {@code rooms.{id}} on RabbitMQ's
 * {@code amq.topic} exchange; each subscription is an exclusive queue that goes with its socket.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    /** Where each process announces its users and sessions, and passes on what it cannot resolve. */
    static final String USER_REGISTRY = "/topic/incident.user-registry";

    static final String UNRESOLVED_USER = "/topic/incident.unresolved-user";

    private static final Logger log = LoggerFactory.getLogger(WebSocketConfiguration.class);

    private final StompSecurity security;
    private final RoomFrameFilter filter;
    private final SubscriptionReceipts receipts;
    private final Sockets sockets;
    private final Optional<StompRelay> relay;

    WebSocketConfiguration(
            StompSecurity security,
            RoomFrameFilter filter,
            SubscriptionReceipts receipts,
            Sockets sockets,
            IncidentProperties properties) {
        this.security = security;
        this.filter = filter;
        this.receipts = receipts;
        this.sockets = sockets;
        this.relay = properties.realtime().relay();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Same-origin only (the default): a page elsewhere cannot open a socket with the user's token.
        registry.addEndpoint("/ws");
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(sockets);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        if (relay.isEmpty()) {
            registry.enableSimpleBroker("/topic", "/queue");
            return;
        }
        StompRelay to = relay.get();
        log.info("STOMP through the broker relay {}", to);
        registry.enableStompBrokerRelay("/topic", "/queue")
                .setTcpClient(new ReactorNettyTcpClient<>(
                        tcp -> {
                            tcp = tcp.host(to.host()).port(to.port());
                            return to.tls() ? tcp.secure() : tcp;
                        },
                        new StompReactorNettyCodec()))
                .setClientLogin(to.login())
                .setClientPasscode(to.passcode())
                .setSystemLogin(to.login())
                .setSystemPasscode(to.passcode())
                .setVirtualHost(to.virtualHost())
                .setUserDestinationBroadcast(UNRESOLVED_USER)
                .setUserRegistryBroadcast(USER_REGISTRY);
        registry.configureBrokerChannel().interceptors(new UserQueuesOnRabbit());
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        // RabbitMQ answers a SUBSCRIBE's receipt itself, once it holds the subscription.
        if (relay.isEmpty()) {
            registration.interceptors(security, receipts);
        } else {
            registration.interceptors(security);
        }
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(filter);
    }
}
