package dev.toolocr.server.tasks;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the user asked for: languages, engine, outputs and how to treat PDF pages that already carry
 * text. Serialised canonically, so identical options give identical text (deduplication compares it).
 */
record TaskOptions(String lang, String engine, Set<ResultFormat> formats, String pdfMode) {

    static final TaskOptions DEFAULTS = new TaskOptions("auto", "auto", EnumSet.allOf(ResultFormat.class), "skip");

    private static final Pattern LANG = Pattern.compile("[a-z][a-z_]{1,15}(\\+[a-z][a-z_]{1,15}){0,5}");
    private static final Set<String> ENGINES = Set.of("auto", "tesseract");
    private static final Set<String> PDF_MODES = Set.of("skip", "force");

    TaskOptions {
        formats = formats.isEmpty() ? EnumSet.noneOf(ResultFormat.class) : EnumSet.copyOf(formats);
    }

    /** Builds options from request parameters; null means "keep the base value". */
    static TaskOptions from(TaskOptions base, String lang, String engine, String formats, String pdfMode) {
        String l = lang == null || lang.isBlank() ? base.lang : lang.trim().toLowerCase(Locale.ROOT);
        if (!LANG.matcher(l).matches()) {
            throw invalid("lang must be Tesseract language codes joined by '+', e.g. eng+chi_tra");
        }
        String e =
                engine == null || engine.isBlank() ? base.engine : engine.trim().toLowerCase(Locale.ROOT);
        if (!ENGINES.contains(e)) {
            throw invalid("engine must be one of " + new TreeSet<>(ENGINES));
        }
        Set<ResultFormat> f = base.formats;
        if (formats != null && !formats.isBlank()) {
            try {
                f = Arrays.stream(formats.split(","))
                        .filter(s -> !s.isBlank())
                        .map(ResultFormat::parse)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResultFormat.class)));
            } catch (IllegalArgumentException ex) {
                throw invalid("formats must be a comma-separated list of json, markdown, pdf, txt");
            }
            if (f.isEmpty()) {
                throw invalid("formats must name at least one of json, markdown, pdf, txt");
            }
        }
        String m = pdfMode == null || pdfMode.isBlank()
                ? base.pdfMode
                : pdfMode.trim().toLowerCase(Locale.ROOT);
        if (!PDF_MODES.contains(m)) {
            throw invalid("pdf_mode must be skip or force");
        }
        return new TaskOptions(l, e, f, m);
    }

    String toJson() {
        String formatList = formats.stream().map(x -> "\"" + x.wire() + "\"").collect(Collectors.joining(","));
        return "{\"engine\":\"" + engine + "\",\"formats\":[" + formatList + "],\"lang\":\"" + lang
                + "\",\"pdf_mode\":\"" + pdfMode + "\"}";
    }

    /** Reads what {@link #toJson()} wrote; the stored text is ours, so a small parser suffices. */
    static TaskOptions fromJson(String json) {
        if (json == null || json.isBlank()) {
            return DEFAULTS;
        }
        String formats = field(json, "\"formats\":[", "]").replace("\"", "");
        return from(
                DEFAULTS,
                field(json, "\"lang\":\"", "\""),
                field(json, "\"engine\":\"", "\""),
                formats,
                field(json, "\"pdf_mode\":\"", "\""));
    }

    private static String field(String json, String start, String end) {
        int i = json.indexOf(start);
        if (i < 0) {
            return null;
        }
        int from = i + start.length();
        return json.substring(from, json.indexOf(end, from));
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemType.VALIDATION_FAILED, detail + ".");
    }
}
