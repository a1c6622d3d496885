package dev.toolocr.server.spa;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web UI routes in the browser (react-router), so a reload or a bookmarked deep link such as
 * {@code /tasks/42} must receive the app's {@code index.html}. Only extension-less paths are
 * forwarded: anything with a dot is a static asset and stays with the resource handler (a missing
 * asset answers 404, not the app). Paths owned by the API, Actuator and the API docs never reach the
 * app: every handler mapped there is more specific than these patterns and wins, and what is left
 * over (an unknown API route) answers the API's own problem+json 404.
 */
@Controller
class SpaForwardingController {

    /** First path segments that belong to the server, not to the browser app. */
    private static final Set<String> SERVER_PREFIXES = Set.of("api", "actuator", "docs", "swagger-ui", "v3", "error");

    private static final String SEGMENT = "[^.]+";

    @GetMapping({
        "/{a:" + SEGMENT + "}",
        "/{a}/{b:" + SEGMENT + "}",
        "/{a}/{b}/{c:" + SEGMENT + "}",
        "/{a}/{b}/{c}/{d:" + SEGMENT + "}",
        "/{a}/{b}/{c}/{d}/{e:" + SEGMENT + "}"
    })
    String forward(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String first = path.replaceFirst("^/+", "").split("/", 2)[0];
        if (SERVER_PREFIXES.contains(first)) {
            throw new ApiException(ProblemType.NOT_FOUND, "There is no such endpoint or page.");
        }
        return "forward:/index.html";
    }
}
