package dev.toolocr.platform.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.toolocr.platform.auth.AuthProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens are HS256 JWTs (one algorithm, a {@code kid}, {@code typ=at+jwt}, user and session
 * ids); refresh tokens are opaque {@code <session id>.<256 random bits>.<tag>}, of which only a
 * SHA-256 hash is stored. The tag (HMAC-SHA256 under a key derived from the signing key) tells a
 * token this server issued from one made up by someone who merely knows a session id, so that only
 * a genuine rotated token counts as reuse and revokes its session.
 */
public class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    private static final String HMAC = "HmacSHA256";

    /** Verified tokens kept until they expire. */
    private static final int MAX_VERIFIED = 50_000;

    private record Checked(Verified verified, Instant expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final ExpiringEntries<Verified> verifiedTokens = new ExpiringEntries<>(MAX_VERIFIED);
    private final byte[] key;
    private final String keyId;
    private final SecretKeySpec refreshTagKey;
    private final AuthProperties properties;
    private final Clock clock;

    public TokenService(AuthProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = loadOrCreateKey(properties);
        this.keyId = HexFormat.of().formatHex(sha256(key)).substring(0, 16);
        // A separate key for the tags, so that no refresh tag is ever a valid JWT signature input.
        this.refreshTagKey =
                new SecretKeySpec(hmac(new SecretKeySpec(key, HMAC), properties.refreshTokenLabel()), HMAC);
    }

    public record AccessToken(String value, long expiresInSeconds) {}

    /** Claims of a verified access token. */
    public record Verified(String userId, String sessionId) {}

    public AccessToken issueAccessToken(String userId, String sessionId) {
        Instant now = clock.instant();
        Instant exp = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(userId)
                .claim("sid", sessionId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(exp))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keyId)
                .type(ACCESS_TOKEN_TYPE)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign access token", e);
        }
        return new AccessToken(jwt.serialize(), properties.accessTokenTtl().toSeconds());
    }

    /**
     * Verifies signature, algorithm, type, key id, issuer and expiry; empty for anything else. A token
     * string that verified before is answered from memory until its expiry: the same bytes under the
     * same key verify the same way, and parsing and the MAC were about a tenth of an authenticated
     * request's CPU. Whether its session is still alive is the caller's check, on every request.
     */
    public Optional<Verified> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Verified> known = verifiedTokens.get(token, now);
        if (known.isPresent()) {
            return known;
        }
        Optional<Checked> checked = check(token, now);
        checked.ifPresent(c -> verifiedTokens.put(token, c.verified(), c.expiresAt(), now));
        return checked.map(Checked::verified);
    }

    private Optional<Checked> check(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())
                    || !ACCESS_TOKEN_TYPE.equals(header.getType())
                    || !keyId.equals(header.getKeyID())
                    || header.getJWKURL() != null
                    || header.getX509CertURL() != null
                    || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null
                    || !now.isBefore(exp.toInstant())
                    || !properties.issuer().equals(claims.getIssuer())
                    || claims.getSubject() == null
                    || claims.getStringClaim("sid") == null) {
                return Optional.empty();
            }
            return Optional.of(
                    new Checked(new Verified(claims.getSubject(), claims.getStringClaim("sid")), exp.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public String newRefreshToken(String sessionId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String body = sessionId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return body + "." + tagOf(body);
    }

    /** True when this server issued the refresh token (whether or not it is still current). */
    public boolean issuedHere(String refreshToken) {
        if (refreshToken == null || refreshToken.length() > 200) {
            return false;
        }
        int dot = refreshToken.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        byte[] presented = refreshToken.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = tagOf(refreshToken.substring(0, dot)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, expected);
    }

    private String tagOf(String body) {
        byte[] mac = hmac(refreshTagKey, body);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session id part of a refresh token, if it is well-formed. */
    public static Optional<String> sessionIdOf(String refreshToken) {
        if (refreshToken == null || refreshToken.length() > 200) {
            return Optional.empty();
        }
        int dot = refreshToken.indexOf('.');
        if (dot != 36) {
            return Optional.empty();
        }
        String id = refreshToken.substring(0, dot);
        try {
            return Optional.of(UUID.fromString(id).toString()).filter(id::equals);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] loadOrCreateKey(AuthProperties properties) {
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            byte[] configured =
                    Base64.getDecoder().decode(properties.jwtSecret().strip());
            if (configured.length < 32) {
                throw new IllegalArgumentException("the JWT secret must be at least 32 bytes (base64)");
            }
            return configured;
        }
        Path file = properties.keyDir().resolve("jwt-hs256.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(properties.keyDir());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the directory's own protection applies.
            }
            log.info("Generated a new access-token signing key in {}", properties.keyDir());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key in " + properties.keyDir(), e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
