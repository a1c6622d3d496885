package dev.toolocr.incident.realtime;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * The open WebSockets of this process by id (the STOMP session id is the WebSocket's), so that a
 * socket can be closed from outside its own traffic: when its sign-in session ends.
 */
@Component
class Sockets implements WebSocketHandlerDecoratorFactory {

    /** 4401: the application's own close code, "your sign-in ended"; clients sign in again. */
    static final CloseStatus SESSION_ENDED = new CloseStatus(4401, "session ended");

    private static final Logger log = LoggerFactory.getLogger(Sockets.class);

    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                open.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                open.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    boolean isOpen(String sessionId) {
        WebSocketSession s = open.get(sessionId);
        return s != null && s.isOpen();
    }

    void close(String sessionId, CloseStatus status) {
        WebSocketSession s = open.get(sessionId);
        if (s == null) {
            return;
        }
        try {
            s.close(status);
        } catch (IOException | IllegalStateException e) {
            log.debug("Closing socket {} failed: {}", sessionId, e.getMessage());
        }
    }
}
