package dev.toolocr.platform.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An error that maps to one problem+json answer. Feature modules throw subclasses or instances of
 * this; the detail is shown to the caller, so it must never hold server paths or secrets.
 */
public class ApiException extends RuntimeException {

    private final HttpStatusCode status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties;

    public ApiException(HttpStatusCode status, URI type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public ApiException(ProblemType type, String detail) {
        this(type.status(), type.uri(), type.status().getReasonPhrase(), detail, Map.of());
    }

    /** A refusal of the feature's own kind, {@code slug} naming its problem type. */
    public ApiException(HttpStatusCode status, String slug, String detail, Map<String, Object> properties) {
        this(
                status,
                ProblemType.custom(slug),
                HttpStatus.valueOf(status.value()).getReasonPhrase(),
                detail,
                properties);
    }

    /** Unknown, or not readable by the caller: the two must look the same. */
    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " not found.");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException conflict(String slug, String detail, Map<String, Object> properties) {
        return new ApiException(HttpStatus.CONFLICT, slug, detail, properties);
    }

    public static ApiException invalid(String slug, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, slug, detail, Map.of());
    }

    public HttpStatusCode status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
