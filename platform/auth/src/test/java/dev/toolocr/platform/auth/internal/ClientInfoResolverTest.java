package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.auth.AuthProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientInfoResolverTest {

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        MockHttpServletRequest request = request("203.0.113.7", "198.51.100.1");

        assertThat(resolver(List.of()).resolve(request).ipAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheRightMostUntrustedHopBehindATrustedProxy() {
        MockHttpServletRequest request = request("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.3");

        assertThat(resolver(List.of("10.0.0.2", "10.0.0.3")).resolve(request).ipAddress())
                .isEqualTo("198.51.100.1");
    }

    @Test
    void refusesGarbageInForwardedForAndStripsControlCharactersFromUserAgent() {
        MockHttpServletRequest request = request("10.0.0.2", "<script>");
        request.addHeader("User-Agent", "curl/8\r\nX-Injected: 1");

        var client = resolver(List.of("10.0.0.2")).resolve(request);
        assertThat(client.ipAddress()).isEqualTo("10.0.0.2");
        assertThat(client.userAgent()).isEqualTo("curl/8X-Injected: 1");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static ClientInfoResolver resolver(List<String> trusted) {
        AuthProperties base = TestAuthProperties.with(Path.of("unused"), null, null, Duration.ofSeconds(5), 5, 20);
        return new ClientInfoResolver(TestAuthProperties.withTrustedProxies(base, trusted));
    }
}
