package dev.toolocr.server.tasks;

import java.util.Locale;
import org.springframework.http.MediaType;

/** The downloadable results, with the names the API and the original clients use. */
enum ResultFormat {
    JSON("json", "json", MediaType.APPLICATION_JSON),
    MARKDOWN("markdown", "md", MediaType.parseMediaType("text/markdown;charset=UTF-8")),
    PDF("pdf", "pdf", MediaType.APPLICATION_PDF),
    TXT("txt", "txt", MediaType.parseMediaType("text/plain;charset=UTF-8"));

    private final String wire;
    private final String extension;
    private final MediaType mediaType;

    ResultFormat(String wire, String extension, MediaType mediaType) {
        this.wire = wire;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String wire() {
        return wire;
    }

    String extension() {
        return extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** Accepts the API name or the file extension ({@code markdown} or {@code md}). */
    static ResultFormat parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ResultFormat format : values()) {
            if (format.wire.equals(v) || format.extension.equals(v)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + value + "'");
    }
}
