package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.toolocr.platform.auth.AuthProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The id_token checks against a real local OpenID issuer (mock-oauth2-server serving discovery and
 * JWKS over HTTP). Hostile tokens are signed with the issuer's own private key where that matters,
 * so each test shows the one rule that refuses it.
 */
class IdTokenVerifierTest {

    static final String AUDIENCE = "tool-ocr";

    private final KeyProvider keys = new KeyProvider();
    private MockOAuth2Server issuer;
    private TokenServiceTest.MutableClock clock;
    private IdTokenVerifier verifier;
    private String issuerUrl;

    @BeforeEach
    void start() {
        issuer = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys)));
        issuer.start();
        issuerUrl = issuer.issuerUrl("corp").toString();
        clock = new TokenServiceTest.MutableClock(Instant.now());
        verifier = IdTokenVerifier.remote(
                settings(URI.create(issuer.jwksUrl("corp").toString())), Duration.ofSeconds(5), clock);
    }

    @AfterEach
    void stop() {
        issuer.shutdown();
    }

    @Test
    void acceptsTheIssuersRs256TokenForOurAudience() {
        String token = issuer.issueToken("corp", "alice-sub", AUDIENCE, Map.of("email", "alice@example.com"), 600)
                .serialize();

        assertThat(verifier.verify(token))
                .hasValue(new IdTokenVerifier.VerifiedIdToken("alice-sub", "alice@example.com"));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String token = issuer.issueToken("corp", "alice-sub", "some-other-app", Map.of(), 600)
                .serialize();

        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void refusesATokenFromAnotherIssuerOfTheSameServer() {
        String token = issuer.issueToken("elsewhere", "alice-sub", AUDIENCE, Map.of(), 600)
                .serialize();

        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void refusesAnotherIssuerNameEvenWhenSignedWithTheIssuersKey() throws Exception {
        String token = sign(issuerKey(), claims().issuer(issuerUrl + "-not").build());

        assertThat(verifier.verify(token)).isEmpty();
        assertThat(verifier.verify(sign(issuerKey(), claims().build())))
                .as("the same token with the right issuer passes")
                .isPresent();
    }

    @Test
    void refusesAnExpiredTokenOncePastTheClockSkew() {
        String token =
                issuer.issueToken("corp", "alice-sub", AUDIENCE, Map.of(), 120).serialize();

        clock.advance(Duration.ofSeconds(120 + 30));
        assertThat(verifier.verify(token)).as("inside the 60 s skew").isPresent();

        clock.advance(Duration.ofSeconds(31));
        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void refusesATokenWithoutExpiry() throws Exception {
        String token = sign(issuerKey(), claims().expirationTime(null).build());

        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() throws Exception {
        String plain = new PlainJWT(claims().build()).serialize();
        String signed = sign(issuerKey(), claims().build());
        String[] parts = signed.split("\\.");
        String noneHeaderWithSignature =
                Base64URL.encode("{\"alg\":\"none\",\"kid\":\"corp\"}") + "." + parts[1] + "." + parts[2];

        assertThat(verifier.verify(plain)).isEmpty();
        assertThat(verifier.verify(noneHeaderWithSignature)).isEmpty();
    }

    @Test
    void refusesAKeyIdTheIssuerDoesNotPublish() throws Exception {
        RSAKey rogue = new RSAKeyGenerator(2048).keyID("rogue").generate();

        assertThat(verifier.verify(sign(rogue, claims().build()))).isEmpty();
    }

    @Test
    void refusesAForeignKeyThatClaimsTheIssuersKeyId() throws Exception {
        RSAKey impostor =
                new RSAKeyGenerator(2048).keyID(issuerKey().getKeyID()).generate();

        assertThat(verifier.verify(sign(impostor, claims().build()))).isEmpty();
    }

    @Test
    void refusesTokensThatPointAtTheirOwnKeys() throws Exception {
        RSAKey key = issuerKey();
        JWSHeader withJku = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .jwkURL(URI.create("https://attacker.example/jwks.json"))
                .build();
        JWSHeader withX5u = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .x509CertURL(URI.create("https://attacker.example/cert.pem"))
                .build();
        JWSHeader withJwk = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .jwk(key.toPublicJWK())
                .build();

        // Signed with the issuer's real key: only the header rule refuses them.
        assertThat(verifier.verify(sign(key, withJku, claims().build()))).isEmpty();
        assertThat(verifier.verify(sign(key, withX5u, claims().build()))).isEmpty();
        assertThat(verifier.verify(sign(key, withJwk, claims().build()))).isEmpty();
    }

    @Test
    void refusesOtherAlgorithmsEvenWithTheIssuersKey() throws Exception {
        RSAKey key = issuerKey();
        JWSHeader rs512 =
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(key.getKeyID()).build();
        SignedJWT hmacWithPublicKey = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims().build());
        hmacWithPublicKey.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));

        assertThat(verifier.verify(sign(key, rs512, claims().build()))).isEmpty();
        assertThat(verifier.verify(hmacWithPublicKey.serialize())).isEmpty();
    }

    @Test
    void refusesTamperedClaims() throws Exception {
        String[] parts = sign(issuerKey(), claims().build()).split("\\.");
        String otherClaims =
                Base64URL.encode(claims().subject("mallory").build().toString()).toString();

        assertThat(verifier.verify(parts[0] + "." + otherClaims + "." + parts[2]))
                .isEmpty();
        assertThat(verifier.verify("not a token")).isEmpty();
        assertThat(verifier.verify(null)).isEmpty();
    }

    @Test
    void saysKeysAreUnavailableWhenTheJwksCannotBeFetched() throws Exception {
        String token = sign(issuerKey(), claims().build());
        IdTokenVerifier unreachable =
                IdTokenVerifier.remote(settings(URI.create("http://127.0.0.1:9/jwks")), Duration.ofMillis(500), clock);

        assertThatThrownBy(() -> unreachable.verify(token))
                .isInstanceOf(IdTokenVerifier.KeysUnavailableException.class);
    }

    private AuthProperties.Oidc settings(URI jwks) {
        return new AuthProperties.Oidc(issuerUrl, AUDIENCE, jwks, Duration.ofSeconds(60));
    }

    /** The issuer's private signing key; issuing one token first makes the server create it. */
    private RSAKey issuerKey() {
        issuer.issueToken("corp", "warm-up", AUDIENCE, Map.of(), 60);
        return (RSAKey) keys.signingKey("corp");
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuerUrl)
                .audience(List.of(AUDIENCE))
                .subject("alice-sub")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        return sign(
                key,
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
    }

    private static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
