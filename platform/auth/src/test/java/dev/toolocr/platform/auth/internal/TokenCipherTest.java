package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String OLD = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW =
            "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void roundTripsAndNamesItsKey() {
        TokenCipher cipher = new TokenCipher(List.of(NEW, OLD));
        String sealed = cipher.encrypt("ad-access-token", "session-1");

        assertThat(sealed).startsWith("v1:k2:").doesNotContain("ad-access-token");
        assertThat(cipher.decrypt(sealed, "session-1")).hasValue("ad-access-token");
        assertThat(cipher.encrypt("ad-access-token", "session-1"))
                .as("fresh nonce")
                .isNotEqualTo(sealed);
    }

    @Test
    void oldCiphertextStillOpensAfterRotationButNewOnesUseTheNewKey() {
        String underOld = new TokenCipher(List.of(OLD)).encrypt("secret", "s");
        TokenCipher rotated = new TokenCipher(List.of(NEW, OLD));

        assertThat(rotated.decrypt(underOld, "s")).hasValue("secret");
        assertThat(rotated.encrypt("secret", "s")).startsWith("v1:k2:");
        assertThat(new TokenCipher(List.of(NEW)).decrypt(underOld, "s"))
                .as("retired key")
                .isEmpty();
    }

    @Test
    void tamperedOrMovedCiphertextDoesNotOpen() {
        TokenCipher cipher = new TokenCipher(List.of(NEW));
        String sealed = cipher.encrypt("secret", "session-1");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:k2:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:k2:" + Base64.getEncoder().encodeToString(raw);

        assertThat(cipher.decrypt(tampered, "session-1")).isEmpty();
        assertThat(cipher.decrypt(sealed, "session-2")).as("bound to its row").isEmpty();
        assertThat(cipher.decrypt("v1:zz:" + sealed.substring(6), "session-1")).isEmpty();
        assertThat(cipher.decrypt("garbage", "session-1")).isEmpty();
    }
}
