package dev.toolocr.platform.web;

import java.net.URI;

/**
 * The one place a problem type gets the application's base: every problem+json answer, whoever
 * builds it, passes its type through {@link #resolve}.
 */
public final class ProblemTypes {

    private final String base;

    public ProblemTypes(WebProperties properties) {
        this.base = properties.problemTypeBase();
    }

    /** A relative type (a slug such as {@code not-found}) with the base in front; absolute ones as they are. */
    public URI resolve(URI type) {
        if (type == null || "about:blank".equals(type.toString())) {
            return URI.create(base + "internal-error");
        }
        return type.isAbsolute() ? type : URI.create(base + type);
    }

    public URI of(String slug) {
        return URI.create(base + slug);
    }
}
