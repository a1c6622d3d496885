package dev.toolocr.platform.auth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.CredentialProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corporate AD authentication API (SPEC 4.1). Retries with exponential backoff and jitter only
 * on I/O errors, timeouts and 5xx — never on 4xx, because a retried wrong password is another failed
 * AD sign-in. A circuit breaker stops calling a dead API; while open, sign-in answers 503.
 */
class ExternalAdCredentialProvider implements CredentialProvider {

    private static final Logger log = LoggerFactory.getLogger(ExternalAdCredentialProvider.class);

    private final AuthProperties.External settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final IdTokenVerifier idTokens;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;

    ExternalAdCredentialProvider(AuthProperties properties, ObjectMapper json, Clock clock) {
        this.settings = properties.external();
        this.json = json;
        this.clock = clock;
        this.idTokens =
                settings.oidc().enabled() ? IdTokenVerifier.remote(settings.oidc(), settings.timeout(), clock) : null;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "ad";
    }

    @Override
    public Optional<VerifiedIdentity> authenticate(String username, String password) {
        if (clock.instant().isBefore(breakerOpenUntil())) {
            throw new AuthException(AuthException.Kind.PROVIDER_UNAVAILABLE);
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("username", username, "password", password));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        URI uri = URI.create(stripSlash(settings.apiUrl().toString()) + settings.endpoint());
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(settings.timeout())
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 500) {
                    throw new IOException("AD API answered " + status);
                }
                succeeded();
                if (status != 200) {
                    return Optional.empty();
                }
                // Outside the retry: asking again after an unreadable answer is another AD sign-in.
                return parse(response.body());
            } catch (IOException e) {
                if (attempt >= settings.maxAttempts()) {
                    failed();
                    log.warn("AD API unreachable after {} attempts: {}", attempt, e.getMessage());
                    throw new AuthException(AuthException.Kind.PROVIDER_UNAVAILABLE);
                }
                backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuthException(AuthException.Kind.PROVIDER_UNAVAILABLE);
            }
        }
    }

    private Optional<VerifiedIdentity> parse(byte[] body) {
        AuthProperties.ResponseMapping fields = settings.response();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            log.warn("AD API answered 200 with a body that is not JSON; refusing the sign-in");
            throw new AuthException(AuthException.Kind.PROVIDER_UNAVAILABLE);
        }
        if (root == null
                || (!fields.success().isBlank() && !root.at(fields.success()).asBoolean(false))) {
            return Optional.empty();
        }
        String email = text(root, fields.email());
        if (email == null || email.isBlank()) {
            log.warn("AD API accepted a sign-in but returned no e-mail at {}; refusing it", fields.email());
            return Optional.empty();
        }
        String idToken = text(root, fields.idToken());
        if (idTokens != null && !idTokenVouchesFor(idToken, email)) {
            return Optional.empty();
        }
        String accessToken = text(root, fields.accessToken());
        ExternalTokens tokens = accessToken != null
                ? new ExternalTokens(accessToken, idToken, expiresIn(root, fields.expiresIn()))
                : null;
        return Optional.of(new VerifiedIdentity(
                email, text(root, fields.name()), text(root, fields.jobTitle()), text(root, fields.userId()), tokens));
    }

    /** The text at a JSON Pointer; null where the pointer is blank or the answer has no value there. */
    private static String text(JsonNode root, String pointer) {
        if (pointer.isBlank()) {
            return null;
        }
        JsonNode node = root.at(pointer);
        return node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static long expiresIn(JsonNode root, String pointer) {
        return pointer.isBlank() ? 3600 : root.at(pointer).asLong(3600);
    }

    /**
     * With an OIDC issuer configured, the AD answer counts only with a valid id_token, and one whose
     * {@code email} claim, when present, names the same user as the profile.
     */
    private boolean idTokenVouchesFor(String idToken, String email) {
        Optional<IdTokenVerifier.VerifiedIdToken> verified;
        try {
            verified = idTokens.verify(idToken);
        } catch (IdTokenVerifier.KeysUnavailableException e) {
            log.warn("Cannot verify the AD id_token: {}", e.getCause().getMessage());
            throw new AuthException(AuthException.Kind.PROVIDER_UNAVAILABLE);
        }
        if (verified.isEmpty()) {
            log.warn("AD accepted a sign-in but its id_token failed verification; refusing it");
            return false;
        }
        String claimed = verified.get().email();
        if (claimed != null && !claimed.equalsIgnoreCase(email)) {
            log.warn("AD accepted a sign-in but its id_token names another user; refusing it");
            return false;
        }
        return true;
    }

    private synchronized Instant breakerOpenUntil() {
        return openUntil;
    }

    private synchronized void succeeded() {
        consecutiveFailures = 0;
    }

    private synchronized void failed() {
        consecutiveFailures++;
        if (consecutiveFailures >= settings.breakerFailureThreshold()) {
            openUntil = clock.instant().plus(settings.breakerOpenFor());
            log.warn("AD API circuit breaker open for {}", settings.breakerOpenFor());
        }
    }

    private static void backoff(int attempt) {
        long base = 200L << Math.min(attempt - 1, 5);
        long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(base / 2 + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
