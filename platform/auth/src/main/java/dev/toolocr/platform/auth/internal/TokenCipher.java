package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM for secrets kept at rest (the AD tokens of a session). Each ciphertext names the key
 * that made it ({@code v1:<key id>:<base64 nonce+ciphertext+tag>}) so keys can rotate: the first
 * configured key encrypts, all of them decrypt. The session id is bound in as associated data, so a
 * ciphertext copied to another session's row does not decrypt.
 */
public class TokenCipher {

    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys;
    private final String primary;

    public TokenCipher(AuthProperties properties) {
        this(loadOrCreate(properties.tokenKeys(), properties.keyDir()));
    }

    TokenCipher(List<String> keySpecs) {
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        for (String spec : keySpecs) {
            int colon = spec.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("token keys must be written as <key id>:<base64 32-byte key>");
            }
            byte[] key = Base64.getDecoder().decode(spec.substring(colon + 1).strip());
            if (key.length != 32) {
                throw new IllegalArgumentException("token keys must be 32 bytes (AES-256)");
            }
            parsed.put(spec.substring(0, colon).strip(), new SecretKeySpec(key, "AES"));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("at least one token key is needed");
        }
        this.keys = parsed;
        this.primary = parsed.keySet().iterator().next();
    }

    public String encrypt(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(primary), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return "v1:" + primary + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Empty when the text is malformed, its key unknown, or it was tampered with or moved to another row. */
    public Optional<String> decrypt(String ciphertext, String associatedData) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1") || !keys.containsKey(parts[1])) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> loadOrCreate(List<String> configured, Path keyDir) {
        if (!configured.isEmpty()) {
            return configured;
        }
        Path file = keyDir.resolve("token-aes256.key");
        try {
            if (Files.exists(file)) {
                return List.of(Files.readString(file).strip());
            }
            Files.createDirectories(keyDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String spec = "k" + Long.toHexString(System.currentTimeMillis()) + ":"
                    + Base64.getEncoder().encodeToString(key);
            Files.writeString(file, spec);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the directory's own protection applies.
            }
            log.info("Generated a new token encryption key in {}", keyDir);
            return List.of(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token encryption key in " + keyDir, e);
        }
    }
}
