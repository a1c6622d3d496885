package dev.toolocr.incident.spa;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web UI routes in the browser, so a reload or a bookmarked deep link such as
 * {@code /rooms/<id>} must receive the app's {@code index.html}. Only extension-less paths get it:
 * anything with a dot is an asset and stays with the resource handler (a missing one answers 404,
 * not the app). Paths the server owns (API, WebSocket, Actuator, docs) never do: their handlers are
 * more specific and win, and an unknown API route keeps the API's problem+json 404.
 */
@Controller
class SpaController {

    /** First path segments that belong to the server, not to the browser app. */
    private static final Set<String> SERVER_PREFIXES =
            Set.of("api", "ws", "actuator", "docs", "swagger-ui", "v3", "error");

    private static final String SEGMENT = "[^.]+";

    /**
     * A first segment that is not the server's. The WebSocket endpoint's handler mapping comes after
     * this controller's, so {@code /ws} must not match here at all (a 404 from here would refuse the
     * handshake); the other server paths have handlers that win anyway, and are refused below too.
     */
    private static final String FIRST = "(?!(?:ws|api|actuator)$)[^.]+";

    private final Resource index;

    /** index.html from the first static location that has one (the web jar's, unless configured). */
    SpaController(WebProperties web, ResourceLoader loader) {
        this.index = Arrays.stream(web.getResources().getStaticLocations())
                .map(location -> loader.getResource(location + (location.endsWith("/") ? "" : "/") + "index.html"))
                .filter(Resource::exists)
                .findFirst()
                .orElse(new ClassPathResource("META-INF/resources/index.html"));
    }

    /**
     * index.html names the hashed bundles of the current build, so the browser must ask again every
     * time (a revalidation is cheap); the bundles themselves are cached for good, see {@link SpaAssets}.
     */
    @GetMapping({
        "/",
        "/{a:" + FIRST + "}",
        "/{a:" + FIRST + "}/{b:" + SEGMENT + "}",
        "/{a:" + FIRST + "}/{b}/{c:" + SEGMENT + "}",
        "/{a:" + FIRST + "}/{b}/{c}/{d:" + SEGMENT + "}"
    })
    ResponseEntity<Resource> app(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String first = path.replaceFirst("^/+", "").split("/", 2)[0];
        if (SERVER_PREFIXES.contains(first) || !index.exists()) {
            throw new ApiException(ProblemType.NOT_FOUND, "There is no such endpoint or page.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .body(index);
    }
}
