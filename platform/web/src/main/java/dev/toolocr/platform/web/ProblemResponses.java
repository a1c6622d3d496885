package dev.toolocr.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * problem+json written straight to a servlet response, for the places that answer before Spring MVC
 * (security entry points, filters); the same type base and shape as the MVC handler's answers.
 */
public final class ProblemResponses {

    private final ProblemTypes types;
    private final ObjectMapper json;

    public ProblemResponses(ProblemTypes types, ObjectMapper json) {
        this.types = types;
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, ProblemType type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", types.resolve(type.uri()).toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        json.writeValue(response.getWriter(), body);
    }
}
