package dev.toolocr.engine;

/** The files one run can produce. */
public enum OutputFormat {
    JSON("json"),
    MARKDOWN("md"),
    PDF("pdf"),
    TXT("txt");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
