package dev.toolocr.server.spa;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The built web app as a browser receives it: caching, compression and the content security policy. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.database.embedded-url=jdbc:h2:mem:app-shell;DB_CLOSE_DELAY=-1")
class AppShellHeadersIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hashedAssetsAreKeptForAYearAndThePageThatNamesThemIsAlwaysRevalidated() throws Exception {
        for (String page : new String[] {"/", "/index.html", "/tasks/some-deep-link"}) {
            HttpResponse<String> shell = get(page, null);
            assertThat(shell.statusCode()).as(page).isEqualTo(200);
            assertThat(shell.headers().firstValue("Cache-Control")).as(page).hasValue("no-cache");
            assertThat(shell.headers().firstValue("Content-Security-Policy"))
                    .as(page)
                    .hasValueSatisfying(csp ->
                            assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe-eval"));
        }
        Matcher script = Pattern.compile("/assets/[A-Za-z0-9_-]+\\.js")
                .matcher(get("/", null).body());
        assertThat(script.find()).isTrue();

        HttpResponse<String> asset = get(script.group(), "gzip");
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(asset.headers().firstValue("Content-Encoding")).hasValue("gzip");

        assertThat(get("/assets/not-there-123.js", null).statusCode()).isEqualTo(404);
    }
}
