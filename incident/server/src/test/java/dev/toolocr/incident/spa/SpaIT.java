package dev.toolocr.incident.spa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.incident.LiveServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web UI's index.html for every browser route (deep links and reloads), hashed bundles cached
 * for good, and the server's own paths untouched by the fallback.
 */
class SpaIT extends LiveServer {

    @Test
    void rootAndDeepLinksServeTheAppUncached() throws Exception {
        for (String path : new String[] {
            "/", "/rooms", "/rooms/0b6f3a52-95a4-4c47-9f3b-3c7d2d7f1f00", "/sign-in", "/dashboard?line=L2"
        }) {
            Answer a = call("GET", path, null, null);
            assertThat(a.status()).as(path).isEqualTo(200);
            assertThat(a.raw().headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(a.raw().headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            assertThat(a.body()).as(path).contains("<div id=\"root\">");
        }
    }

    @Test
    void hashedBundlesAreImmutable() throws Exception {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"")
                .matcher(call("GET", "/", null, null).body());
        assertThat(script.find()).as("index.html names its bundle").isTrue();
        Answer bundle = call("GET", script.group(1), null, null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.raw().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(
                        c -> assertThat(c).contains("max-age=31536000").contains("immutable"));
    }

    @Test
    void serverPathsAndMissingAssetsAreNotTheApp() throws Exception {
        for (String path : new String[] {"/api/v2/no-such-thing", "/api", "/actuator/nothing", "/ws/x/y"}) {
            Answer a = call("GET", path, null, null);
            assertThat(a.body()).as(path).doesNotContain("<div id=\"root\">");
        }
        Answer api = call("GET", "/api/v2/no-such-thing", admin(), null);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // The WebSocket endpoint stays the WebSocket handler's: a plain GET is refused as "not an
        // upgrade", never answered by the app or by a 404 that would also refuse the handshake.
        Answer ws = call("GET", "/ws", null, null);
        assertThat(ws.status()).isEqualTo(400);
        assertThat(ws.body()).doesNotContain("<div id=\"root\">");
        Answer asset = call("GET", "/assets/no-such-file.js", null, null);
        assertThat(asset.status()).isEqualTo(404);
        assertThat(asset.body()).doesNotContain("<div id=\"root\">");
    }
}
