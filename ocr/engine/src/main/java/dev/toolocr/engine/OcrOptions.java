package dev.toolocr.engine;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to recognise and produce.
 *
 * @param languages Tesseract codes joined by '+', e.g. {@code eng+chi_tra}
 * @param engine {@code tesseract} or {@code auto}
 * @param forceOcr OCR PDF pages even when they already carry text
 * @param renderDpi resolution for rasterising scanned PDF pages
 * @param maxPixelsPerPage refuse pages larger than this (decompression bombs)
 * @param maxPages refuse documents with more pages
 * @param pageTimeout longest recognition of one page
 * @param pdfA make the searchable PDF PDF/A-2b (a PDF input whose own pages forbid it fails)
 */
public record OcrOptions(
        String languages,
        String engine,
        Set<OutputFormat> formats,
        boolean forceOcr,
        int renderDpi,
        long maxPixelsPerPage,
        int maxPages,
        Duration pageTimeout,
        boolean pdfA) {

    private static final Pattern LANGS = Pattern.compile("[a-z][a-z_]{1,15}(\\+[a-z][a-z_]{1,15}){0,5}");

    public OcrOptions {
        if (languages == null || !LANGS.matcher(languages).matches()) {
            throw new IllegalArgumentException("languages must be Tesseract codes joined by '+', e.g. eng+chi_tra");
        }
        // eng+eng is eng: one spelling per combination, so engine instances are shared, not duplicated.
        languages = String.join("+", new java.util.LinkedHashSet<>(java.util.List.of(languages.split("\\+"))));
        formats = formats == null || formats.isEmpty() ? EnumSet.allOf(OutputFormat.class) : EnumSet.copyOf(formats);
        if (renderDpi < 72 || renderDpi > 600) {
            throw new IllegalArgumentException("renderDpi must be between 72 and 600");
        }
    }

    public static OcrOptions defaults() {
        return new OcrOptions(
                "eng",
                "auto",
                EnumSet.allOf(OutputFormat.class),
                false,
                300,
                100_000_000L,
                2000,
                Duration.ofMinutes(2),
                false);
    }

    public OcrOptions withLanguages(String value) {
        return new OcrOptions(
                value, engine, formats, forceOcr, renderDpi, maxPixelsPerPage, maxPages, pageTimeout, pdfA);
    }

    public OcrOptions withFormats(Set<OutputFormat> value) {
        return new OcrOptions(
                languages, engine, value, forceOcr, renderDpi, maxPixelsPerPage, maxPages, pageTimeout, pdfA);
    }

    public OcrOptions withForceOcr(boolean value) {
        return new OcrOptions(
                languages, engine, formats, value, renderDpi, maxPixelsPerPage, maxPages, pageTimeout, pdfA);
    }

    public OcrOptions withPdfA(boolean value) {
        return new OcrOptions(
                languages, engine, formats, forceOcr, renderDpi, maxPixelsPerPage, maxPages, pageTimeout, value);
    }

    public OcrOptions withLimits(long pixels, int pages) {
        return new OcrOptions(languages, engine, formats, forceOcr, renderDpi, pixels, pages, pageTimeout, pdfA);
    }
}
