package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.toolocr.platform.auth.AuthProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

    @TempDir
    Path keys;

    private final String secret = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void issuedTokenVerifiesWithUserAndSession() {
        TokenService tokens = service(secret);
        TokenService.AccessToken token = tokens.issueAccessToken("user-1", "session-1");

        assertThat(tokens.verify(token.value())).hasValue(new TokenService.Verified("user-1", "session-1"));
        assertThat(token.expiresInSeconds()).isEqualTo(1800);
    }

    @Test
    void rejectsExpiredTamperedAndForeignTokens() throws Exception {
        TokenService tokens = service(secret);
        String token = tokens.issueAccessToken("user-1", "session-1").value();

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("user-1", "user-2");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertThat(tokens.verify(tampered)).isEmpty();

        TokenService other =
                service(Base64.getEncoder().encodeToString("another-key-another-key-another-k".getBytes()));
        assertThat(other.verify(token)).isEmpty();

        clock.advance(Duration.ofMinutes(31));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTokenVerifiedBeforeIsStillRefusedOnceExpiredAndItsTamperedCopyNever() {
        TokenService tokens = service(secret);
        String token = tokens.issueAccessToken("user-1", "session-1").value();
        assertThat(tokens.verify(token)).hasValue(new TokenService.Verified("user-1", "session-1"));

        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (parts[2].endsWith("AA") ? "BB" : "AA");
        assertThat(tokens.verify(otherSignature)).isEmpty();
        assertThat(tokens.verify(token)).hasValue(new TokenService.Verified("user-1", "session-1"));

        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void rejectsAlgNoneUnknownKidAndInjectedJku() throws Exception {
        TokenService tokens = service(secret);
        String valid = tokens.issueAccessToken("u", "s").value();
        String kid = SignedJWT.parse(valid).getHeader().getKeyID();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("test-issuer")
                .subject("u")
                .claim("sid", "s")
                .expirationTime(Date.from(clock.instant().plusSeconds(600)))
                .build();

        assertThat(tokens.verify(new PlainJWT(claims).serialize())).isEmpty();
        assertThat(tokens.verify(sign(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .keyID("unknown")
                                .build(),
                        claims)))
                .isEmpty();
        assertThat(tokens.verify(sign(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .keyID(kid)
                                .jwkURL(URI.create("https://evil.example/jwks"))
                                .build(),
                        claims)))
                .isEmpty();
        assertThat(tokens.verify(sign(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims)))
                .as("missing typ")
                .isEmpty();
        assertThat(tokens.verify(sign(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .keyID(kid)
                                .build(),
                        claims)))
                .as("control: the same token without the bad header verifies")
                .isPresent();
    }

    @Test
    void generatesAndReusesAKeyFileWhenNoSecretIsConfigured() {
        TokenService first = service(null);
        String token = first.issueAccessToken("u", "s").value();

        assertThat(keys.resolve("jwt-hs256.key")).exists();
        assertThat(service(null).verify(token)).isPresent();
    }

    @Test
    void refreshTokensAreLongRandomAndCarryTheirSession() {
        TokenService tokens = service(secret);
        String session = "7f1c3c1e-3b6f-4a39-9d2a-2a4cbb1f9b11";
        String a = tokens.newRefreshToken(session);
        String b = tokens.newRefreshToken(session);

        assertThat(a).isNotEqualTo(b);
        assertThat(Base64.getUrlDecoder().decode(a.split("\\.")[1])).hasSize(32);
        assertThat(TokenService.sessionIdOf(a)).hasValue(session);
        assertThat(TokenService.sessionIdOf("../../etc.x")).isEmpty();
        assertThat(TokenService.hash(a)).hasSize(64).isNotEqualTo(a);
    }

    @Test
    void tellsIssuedRefreshTokensFromMadeUpOnes() {
        TokenService tokens = service(secret);
        String session = "7f1c3c1e-3b6f-4a39-9d2a-2a4cbb1f9b11";
        String issued = tokens.newRefreshToken(session);
        String[] parts = issued.split("\\.");
        String otherSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        assertThat(tokens.issuedHere(issued)).isTrue();
        assertThat(tokens.issuedHere(session + "." + parts[1])).as("no tag").isFalse();
        assertThat(tokens.issuedHere(session + "." + otherSecret + "." + parts[2]))
                .as("tag moved to another secret")
                .isFalse();
        assertThat(tokens.issuedHere(issued.substring(0, issued.length() - 1) + (issued.endsWith("A") ? "B" : "A")))
                .as("tag altered")
                .isFalse();
        assertThat(service(Base64.getEncoder().encodeToString("another-key-another-key-another-k".getBytes()))
                        .issuedHere(issued))
                .as("another server's key")
                .isFalse();
        assertThat(tokens.issuedHere(null)).isFalse();
        assertThat(tokens.issuedHere("")).isFalse();
    }

    private String sign(JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(Base64.getDecoder().decode(secret)));
        return jwt.serialize();
    }

    private TokenService service(String jwtSecret) {
        AuthProperties properties = TestAuthProperties.with(keys, jwtSecret, null, Duration.ofSeconds(5), 5, 20);
        return new TokenService(properties, clock);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
