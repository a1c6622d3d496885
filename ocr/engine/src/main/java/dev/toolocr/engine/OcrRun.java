package dev.toolocr.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What one run produced. */
public record OcrRun(int pages, Map<OutputFormat, Path> outputs, String engine, String languages, Duration elapsed) {}
