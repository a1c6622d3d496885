package dev.toolocr.engine;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to recognise and produce.
 *
 * @param languages Tesseract codes joined by '+', e.g. {@code eng+chi_tra}, or {@link #AUTO}: each
 *     page's script is detected and the page read with that script's languages ({@link #forScript})
 * @param engine {@code tesseract} or {@code auto}
 * @param forceOcr OCR PDF pages even when they already carry text
 * @param renderDpi resolution for rasterising scanned PDF pages
 * @param maxPixelsPerPage refuse pages larger than this (decompression bombs)
 * @param maxPages refuse documents with more pages
 * @param pageTimeout longest recognition of one page
 * @param pdfA make the searchable PDF PDF/A-2b (a PDF input whose own pages forbid it fails)
 * @param hanLanguage what {@link #AUTO} reads Han pages with: {@code chi_tra} (Traditional) or {@code
 *     chi_sim} (Simplified)
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
        boolean pdfA,
        String hanLanguage) {

    /** Detect each page's script and read it with the matching languages. */
    public static final String AUTO = "auto";

    /** What {@link #AUTO} reads a page with whose script is Latin or could not be told. */
    public static final String AUTO_FALLBACK = "eng";

    private static final Set<String> HAN = Set.of("chi_tra", "chi_sim");

    private static final Pattern LANGS = Pattern.compile("[a-z][a-z_]{1,15}(\\+[a-z][a-z_]{1,15}){0,5}");

    public OcrOptions {
        if (languages == null || !LANGS.matcher(languages).matches()) {
            throw new IllegalArgumentException("languages must be Tesseract codes joined by '+', e.g. eng+chi_tra");
        }
        if (languages.contains(AUTO) && !languages.equals(AUTO)) {
            throw new IllegalArgumentException("auto stands alone: name languages or let them be detected");
        }
        if (!HAN.contains(hanLanguage)) {
            throw new IllegalArgumentException("the Han language must be chi_tra or chi_sim");
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
                AUTO,
                "auto",
                EnumSet.allOf(OutputFormat.class),
                false,
                300,
                100_000_000L,
                2000,
                Duration.ofMinutes(2),
                false,
                "chi_tra");
    }

    public boolean autoLanguages() {
        return AUTO.equals(languages);
    }

    /**
     * The languages {@link #AUTO} reads a page with, from the script Tesseract's orientation and
     * script detection names; {@code eng} joins every other script for the Latin words such pages
     * carry (names, codes, numbers), and is all an unknown script gets.
     */
    public String forScript(String script) {
        String main = script == null
                ? null
                : switch (script) {
                    case "Han" -> hanLanguage;
                    case "Japanese", "Hiragana", "Katakana" -> "jpn";
                    case "Korean", "Hangul" -> "kor";
                    case "Cyrillic" -> "rus";
                    case "Greek" -> "ell";
                    case "Arabic" -> "ara";
                    case "Hebrew" -> "heb";
                    case "Devanagari" -> "hin";
                    case "Thai" -> "tha";
                    default -> null;
                };
        return main == null ? AUTO_FALLBACK : main + "+" + AUTO_FALLBACK;
    }

    public OcrOptions withLanguages(String value) {
        return new OcrOptions(
                value,
                engine,
                formats,
                forceOcr,
                renderDpi,
                maxPixelsPerPage,
                maxPages,
                pageTimeout,
                pdfA,
                hanLanguage);
    }

    public OcrOptions withFormats(Set<OutputFormat> value) {
        return new OcrOptions(
                languages,
                engine,
                value,
                forceOcr,
                renderDpi,
                maxPixelsPerPage,
                maxPages,
                pageTimeout,
                pdfA,
                hanLanguage);
    }

    public OcrOptions withForceOcr(boolean value) {
        return new OcrOptions(
                languages,
                engine,
                formats,
                value,
                renderDpi,
                maxPixelsPerPage,
                maxPages,
                pageTimeout,
                pdfA,
                hanLanguage);
    }

    public OcrOptions withPdfA(boolean value) {
        return new OcrOptions(
                languages,
                engine,
                formats,
                forceOcr,
                renderDpi,
                maxPixelsPerPage,
                maxPages,
                pageTimeout,
                value,
                hanLanguage);
    }

    public OcrOptions withLimits(long pixels, int pages) {
        return new OcrOptions(
                languages, engine, formats, forceOcr, renderDpi, pixels, pages, pageTimeout, pdfA, hanLanguage);
    }

    public OcrOptions withHanLanguage(String value) {
        return new OcrOptions(
                languages, engine, formats, forceOcr, renderDpi, maxPixelsPerPage, maxPages, pageTimeout, pdfA, value);
    }
}
