package dev.toolocr.incident.escalation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the webhook deliveries the firing transactions wrote, outside any transaction and on the
 * escalation's own thread: a slow or dead receiver delays nothing in any room. Each attempt is claimed
 * in the database first, so processes never send one attempt twice, and the number of attempts is
 * bounded. Delivery is at least once (a process dying after the receiver answered leaves the attempt
 * to be repeated), so every body carries its {@code delivery_id} for the receiver to drop repeats.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final WebhookDeliveryRepository deliveries;
    private final TransactionTemplate tx;
    private final EscalationProperties properties;
    private final EscalationProperties.Webhook settings;
    private final Clock clock;
    private final HttpClient http;
    private final URI target;

    WebhookSender(
            WebhookDeliveryRepository deliveries,
            PlatformTransactionManager transactions,
            EscalationProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.settings = properties.webhook();
        this.clock = clock;
        this.target = settings.enabled() ? parse(settings.url()) : null;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the deliveries due now, one attempt each; returns how many were delivered. */
    int deliverDue() {
        if (target == null) {
            return 0;
        }
        List<String> due = deliveries.due(clock.instant(), PageRequest.of(0, properties.batchSize()));
        int delivered = 0;
        for (String id : due) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the claims left will be taken again once their lease ends
            }
            if (attempt(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(String id) {
        Instant now = clock.instant();
        // Beyond anything one attempt can take: nobody else starts this delivery while it may be running.
        Instant lease =
                now.plus(settings.connectTimeout()).plus(settings.timeout()).plusSeconds(30);
        Integer claimed = tx.execute(status -> deliveries.claim(id, now, lease, settings.maxAttempts()));
        if (claimed == null || claimed != 1) {
            return false;
        }
        WebhookDelivery d = tx.execute(status -> deliveries.findById(id).orElseThrow());
        String error = send(d);
        Instant done = clock.instant();
        int attempt = d.attempts();
        if (error == null) {
            tx.executeWithoutResult(status -> deliveries.settle(id, attempt, "delivered", done, null, done));
            return true;
        }
        boolean last = attempt >= settings.maxAttempts();
        if (last) {
            tx.executeWithoutResult(status -> deliveries.settle(id, attempt, "failed", done, error, done));
            log.warn(
                    "Escalation webhook to {} given up after {} attempts (delivery {}): {}",
                    target.getHost(),
                    attempt,
                    id,
                    error);
        } else {
            Instant next = done.plus(backoff(attempt));
            tx.executeWithoutResult(status -> deliveries.settle(id, attempt, "pending", next, error, null));
            log.info(
                    "Escalation webhook to {} failed (attempt {} of {}, delivery {}): {}; retrying at {}",
                    target.getHost(),
                    attempt,
                    settings.maxAttempts(),
                    id,
                    error,
                    next);
        }
        return false;
    }

    /** Null when the receiver took it (any 2xx), else a short reason that holds neither URL nor secret. */
    private String send(WebhookDelivery d) {
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "line-incident-response")
                .header("X-Incident-Delivery", d.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.secret() != null && !settings.secret().isEmpty()) {
            request.header("X-Incident-Signature", "sha256=" + sign(body, settings.secret()));
        }
        try {
            HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            // The exception's message may name the address; its kind says enough (timeout, refused, …).
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = settings.retryBackoff();
        for (int i = 1; i < attempt && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            // Not the value itself: it may carry a token.
            throw new IllegalStateException("INCIDENT_WEBHOOK_URL is not a usable http(s) URL");
        }
    }
}
