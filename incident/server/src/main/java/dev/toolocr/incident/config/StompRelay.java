package dev.toolocr.incident.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the STOMP broker relay connects: the host, user, password and virtual host of
 * {@code RABBITMQ_URL}, on the STOMP plugin's port. {@code amqps} means STOMP over TLS.
 */
public record StompRelay(String host, int port, String login, String passcode, String virtualHost, boolean tls) {

    static StompRelay of(URI url, int stompPort) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new IllegalArgumentException("not an amqp:// or amqps:// address");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("no host");
        }
        String login = "guest";
        String passcode = "guest";
        String userInfo = url.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            login = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            passcode = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        // As AMQP clients read it: no path is the default virtual host "/", "/%2F" is "/" spelled out.
        String path = url.getRawPath();
        String vhost = path == null || path.isEmpty() || path.equals("/") ? "/" : decode(path.substring(1));
        return new StompRelay(url.getHost(), stompPort, login, passcode, vhost, scheme.equals("amqps"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "StompRelay[" + (tls ? "stomp+ssl://" : "stomp://") + login + ":***@" + host + ":" + port + ", vhost="
                + virtualHost + "]";
    }
}
