package dev.toolocr.platform.web;

import java.net.URI;
import java.util.Map;
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
