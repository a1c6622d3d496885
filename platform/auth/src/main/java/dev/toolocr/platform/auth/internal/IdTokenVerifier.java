package dev.toolocr.platform.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.toolocr.platform.auth.AuthProperties;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an OpenID Connect {@code id_token} of the AD sign-in: RS256 only, signed by a key the
 * configured issuer publishes in its JWKS (found by {@code kid}), exact {@code iss}, {@code aud}
 * containing our audience, {@code exp} required and checked against the injected clock. A token that
 * tries to name its own key ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) is refused outright
 * rather than ignored, so no later code change can start trusting such a header.
 */
class IdTokenVerifier {

    /** The issuer's keys could not be fetched: the sign-in cannot be judged either way. */
    static final class KeysUnavailableException extends RuntimeException {
        KeysUnavailableException(Throwable cause) {
            super("the issuer's signing keys could not be fetched", cause);
        }
    }

    /** What a verified token says; only the claims the sign-in uses. */
    record VerifiedIdToken(String subject, String email) {}

    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final AuthProperties.Oidc settings;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor;

    /** A verifier that fetches (and caches) the issuer's keys from its JWKS URI. */
    static IdTokenVerifier remote(AuthProperties.Oidc settings, Duration httpTimeout, Clock clock) {
        return new IdTokenVerifier(settings, clock, remoteKeys(settings, httpTimeout));
    }

    IdTokenVerifier(AuthProperties.Oidc settings, Clock clock, JWKSource<SecurityContext> keys) {
        this.settings = settings;
        this.clock = clock;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> verifyClaims(claims));
    }

    /**
     * @return the token's claims when every check passes; empty for any invalid token
     * @throws KeysUnavailableException when the JWKS cannot be fetched
     */
    Optional<VerifiedIdToken> verify(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            return Optional.empty();
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            // Also what an unsigned (alg=none) token gives: it does not parse as a signed JWT.
            return Optional.empty();
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())
                || header.getKeyID() == null
                || header.getJWKURL() != null
                || header.getX509CertURL() != null
                || header.getJWK() != null
                || header.getX509CertChain() != null) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            return Optional.of(new VerifiedIdToken(claims.getSubject(), stringClaim(claims, "email")));
        } catch (KeySourceException e) {
            throw new KeysUnavailableException(e);
        } catch (BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }

    private void verifyClaims(JWTClaimsSet claims) throws BadJWTException {
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw new BadJWTException("unexpected issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(settings.audience())) {
            throw new BadJWTException("unexpected audience");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new BadJWTException("no expiry");
        }
        if (!now.isBefore(exp.toInstant().plus(settings.clockSkew()))) {
            throw new BadJWTException("expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(settings.clockSkew()).isBefore(nbf.toInstant())) {
            throw new BadJWTException("not yet valid");
        }
        if (claims.getSubject() == null) {
            throw new BadJWTException("no subject");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static JWKSource<SecurityContext> remoteKeys(AuthProperties.Oidc settings, Duration httpTimeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, httpTimeout.toMillis());
        try {
            return JWKSourceBuilder.<SecurityContext>create(
                            settings.jwksUri().toURL(), new DefaultResourceRetriever(millis, millis, MAX_JWKS_BYTES))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the OIDC JWKS URI is not a URL", e);
        }
    }
}
