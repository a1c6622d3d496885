package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.devad.DevAdServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AD sign-in with id_token verification on: dev-ad answers with tokens of a real local OpenID issuer. */
class AdIdTokenSignInTest {

    private final MockOAuth2Server issuer = new MockOAuth2Server();
    private DevAdServer ad;

    @BeforeEach
    void start() throws Exception {
        issuer.start();
        ad = new DevAdServer(
                        0,
                        List.of(new DevAdServer.User(
                                "alice", "Alice-pw-1", "alice@example.com", "Alice Chen", "Engineer")))
                .start();
    }

    @AfterEach
    void stop() {
        ad.close();
        issuer.shutdown();
    }

    @Test
    void signInSucceedsWhenTheIdTokenVerifies() {
        ad.idTokens(user -> issuer.issueToken(
                        "corp", "ad-alice", IdTokenVerifierTest.AUDIENCE, Map.of("email", user.email()), 600)
                .serialize());

        assertThat(provider(jwks()).authenticate("alice", "Alice-pw-1"))
                .hasValueSatisfying(id -> assertThat(id.email()).isEqualTo("alice@example.com"));
    }

    @Test
    void signInIsRefusedWhenTheIdTokenIsNotTheIssuers() {
        // dev-ad's default id_token is opaque random text, as a forged answer would be.
        assertThat(provider(jwks()).authenticate("alice", "Alice-pw-1")).isEmpty();
    }

    @Test
    void signInIsRefusedWhenTheIdTokenNamesAnotherUser() {
        ad.idTokens(user -> issuer.issueToken(
                        "corp", "ad-bob", IdTokenVerifierTest.AUDIENCE, Map.of("email", "bob@example.com"), 600)
                .serialize());

        assertThat(provider(jwks()).authenticate("alice", "Alice-pw-1")).isEmpty();
    }

    @Test
    void unreachableIssuerKeysMakeSignInUnavailableNotWrong() {
        ad.idTokens(user -> issuer.issueToken("corp", "ad-alice", IdTokenVerifierTest.AUDIENCE, Map.of(), 600)
                .serialize());

        assertThatThrownBy(() -> provider(URI.create("http://127.0.0.1:9/jwks")).authenticate("alice", "Alice-pw-1"))
                .isInstanceOfSatisfying(
                        AuthException.class,
                        e -> assertThat(e.kind()).isEqualTo(AuthException.Kind.PROVIDER_UNAVAILABLE));
    }

    private URI jwks() {
        return URI.create(issuer.jwksUrl("corp").toString());
    }

    private ExternalAdCredentialProvider provider(URI jwks) {
        AuthProperties base = TestAuthProperties.with(
                Path.of("unused"), null, URI.create("http://127.0.0.1:" + ad.port()), Duration.ofSeconds(2), 5, 20);
        AuthProperties properties = TestAuthProperties.with(
                base,
                new AuthProperties.Oidc(
                        issuer.issuerUrl("corp").toString(),
                        IdTokenVerifierTest.AUDIENCE,
                        jwks,
                        Duration.ofSeconds(60)),
                base.external().reauth());
        return new ExternalAdCredentialProvider(
                properties, new ObjectMapper(), new TokenServiceTest.MutableClock(Instant.now()));
    }
}
