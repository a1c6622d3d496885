package dev.toolocr.incident.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A domain refusal with a stable problem type slug; the one handler turns it into problem+json.
 * Features throw the factory methods' results instead of building HTTP answers themselves.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final transient Map<String, Object> properties;

    public ApiException(HttpStatus status, String slug, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.properties = Map.copyOf(properties);
    }

    /** Unknown, or not readable by the caller: the two must look the same. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " not found.", Map.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail, Map.of());
    }

    public static ApiException conflict(String slug, String detail, Map<String, Object> properties) {
        return new ApiException(HttpStatus.CONFLICT, slug, detail, properties);
    }

    public static ApiException invalid(String slug, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, slug, detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
