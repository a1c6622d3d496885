package dev.toolocr.engine.cli;

import dev.toolocr.engine.EngineConfig;
import dev.toolocr.engine.OcrCancelledException;
import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.OcrOptions;
import dev.toolocr.engine.OcrProcessor;
import dev.toolocr.engine.OcrRun;
import dev.toolocr.engine.OutputFormat;
import dev.toolocr.engine.internal.LanguageData;
import dev.toolocr.engine.internal.LanguageFetcher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code tool-ocr ocr FILE... [--lang auto|eng+chi_tra] [--han chi_tra|chi_sim] [--engine auto] [--formats json,md,pdf,txt] [--out DIR]
 * [--mode skip|force] [--jobs N] [--pdfa] [--tessdata DIR] [--fetch-languages LANGS]}: writes {@code
 * DIR/<name>.<ext>} per input, keeps going past a failed file and exits 1 if any failed. {@code
 * --fetch-languages} installs languages from the npm registry ({@code TOOL_OCR_LANGUAGE_REGISTRY}
 * names a mirror) into the per-user cache, and is the only way the CLI downloads anything; eng, osd,
 * chi_tra and chi_sim ship with the build and are unpacked from it instead. {@code
 * TOOL_OCR_SYSTEM_TESSDATA=none} leaves the system's tessdata directories out of the search.
 */
public final class OcrCli {

    /**
     * PDFBox reports what it repairs in damaged files through java.util.logging, stack traces
     * included; on a terminal that buries the one line per file this tool promises. Held here because
     * java.util.logging keeps loggers only weakly.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.apache.pdfbox"),
            java.util.logging.Logger.getLogger("org.apache.fontbox"));

    private OcrCli() {}

    public static void main(String[] args) {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.OFF));
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        String lang = OcrOptions.AUTO;
        String han = OcrOptions.defaults().hanLanguage();
        String engine = "auto";
        Set<OutputFormat> formats = EnumSet.allOf(OutputFormat.class);
        Path out = Path.of(".");
        boolean force = false;
        boolean pdfA = false;
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        String fetch = null;
        Path tessdata = null;
        OcrOptions options;
        EngineConfig config;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--lang" -> lang = value(args, ++i, a);
                    case "--han" -> han = value(args, ++i, a);
                    case "--engine" -> engine = value(args, ++i, a);
                    case "--formats" -> formats = formats(value(args, ++i, a));
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--mode" -> force = "force".equals(mode(value(args, ++i, a)));
                    case "--jobs" -> jobs = Integer.parseInt(value(args, ++i, a));
                    case "--pdfa" -> pdfA = true;
                    case "--fetch-languages" -> fetch = value(args, ++i, a);
                    case "--tessdata" -> tessdata = Path.of(value(args, ++i, a));
                    case "-h", "--help" -> {
                        System.out.println(usage());
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        files.add(Path.of(a));
                    }
                }
            }
            if (files.isEmpty() && fetch == null) {
                throw new IllegalArgumentException("name at least one file");
            }
            if (fetch != null) {
                // Same rules as --lang: codes joined by '+'.
                OcrOptions.defaults().withLanguages(fetch);
            }
            if (!engine.equals("auto") && !engine.equals("tesseract")) {
                throw new IllegalArgumentException("--engine must be auto or tesseract");
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1");
            }
            options = OcrOptions.defaults()
                    .withLanguages(lang)
                    .withHanLanguage(han)
                    .withFormats(formats)
                    .withForceOcr(force)
                    .withPdfA(pdfA);
            String mirror = env.get("TOOL_OCR_LANGUAGE_REGISTRY");
            config = EngineConfig.fromEnvironment(env)
                    .withParallelPages(jobs)
                    .withTessdataDir(tessdata)
                    .withLanguageRegistry(mirror == null || mirror.isBlank() ? null : URI.create(mirror));
        } catch (IllegalArgumentException e) {
            System.err.println("tool-ocr ocr: " + e.getMessage() + "\n" + usage());
            return 2;
        }
        if (fetch != null && !fetchLanguages(fetch, config)) {
            return 1;
        }
        if (files.isEmpty()) {
            return 0;
        }
        int failed = 0;
        boolean tty = System.console() != null;
        Path outDir = out;
        // Files run side by side as well as pages: most inputs are single pages, which page-level
        // parallelism alone would leave on one core. The processor's page pool still bounds the work.
        // Files sharing a base name write the same outputs, so those run one after another, the
        // later replacing the earlier.
        boolean sameNames = files.stream().map(OcrCli::baseName).distinct().count() < files.size();
        ExecutorService workers = Executors.newFixedThreadPool(sameNames ? 1 : Math.min(jobs, files.size()));
        try (OcrProcessor processor = new OcrProcessor(config)) {
            try {
                processor.requireLanguages(options.languages());
            } catch (OcrException e) {
                // Every file would fail the same way: say it once.
                System.err.println("tool-ocr ocr: " + e.getMessage());
                return 1;
            }
            List<Future<Boolean>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(workers.submit(() -> processOne(processor, file, options, outDir, tty)));
            }
            for (Future<Boolean> result : results) {
                if (!result.get()) {
                    failed++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return failed == 0 ? 0 : 1;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    /** Recognises one file and reports it on one line; false when it failed. */
    private static boolean processOne(OcrProcessor processor, Path file, OcrOptions options, Path out, boolean tty) {
        String name = file.getFileName().toString();
        String base = baseName(file);
        try {
            if (!Files.isRegularFile(file)) {
                throw new OcrException(dev.toolocr.engine.ErrorCode.CORRUPT_FILE, "no such file.");
            }
            OcrRun run = processor.process(
                    file,
                    name,
                    options,
                    out,
                    base,
                    (done, total) -> {
                        if (tty) {
                            System.err.print("\r" + name + ": page " + done + "/" + total + "   ");
                        }
                    },
                    () -> false);
            if (tty) {
                System.err.print("\r");
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d page(s) in %.1f s%n",
                    name,
                    run.pages(),
                    run.elapsed().toMillis() / 1000.0);
            return true;
        } catch (OcrException e) {
            System.err.println((tty ? "\r" : "") + name + ": " + e.getMessage());
            return false;
        } catch (OcrCancelledException e) {
            System.err.println(name + ": cancelled");
            return false;
        }
    }

    /** One line per language: where it already was, or what was downloaded to where. */
    private static boolean fetchLanguages(String languages, EngineConfig config) {
        try (LanguageData data = LanguageData.of(config)) {
            for (String language : languages.split("\\+")) {
                try {
                    LanguageData.FetchOutcome outcome = data.fetch(language);
                    if (outcome.unpacked()) {
                        System.out.println(language + ": unpacked the copy that ships with the build into "
                                + outcome.installedAt().dir());
                    } else if (outcome.fetched() == null) {
                        System.out.println(language + ": already installed in "
                                + outcome.installedAt().dir() + " ("
                                + outcome.installedAt().source() + ")");
                    } else {
                        LanguageFetcher.Fetched f = outcome.fetched();
                        System.out.printf(
                                Locale.ROOT,
                                "%s: fetched %s %s into %s (%.1f MB)%n",
                                language,
                                f.packageName(),
                                f.version(),
                                f.file(),
                                f.bytes() / (1024.0 * 1024.0));
                    }
                } catch (OcrException e) {
                    System.err.println("tool-ocr ocr: " + e.getMessage());
                    return false;
                }
            }
        }
        return true;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String mode(String v) {
        if (!v.equals("skip") && !v.equals("force")) {
            throw new IllegalArgumentException("--mode must be skip or force");
        }
        return v;
    }

    private static Set<OutputFormat> formats(String list) {
        Set<OutputFormat> set = EnumSet.noneOf(OutputFormat.class);
        for (String f : list.split(",")) {
            switch (f.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> set.add(OutputFormat.JSON);
                case "md", "markdown" -> set.add(OutputFormat.MARKDOWN);
                case "pdf" -> set.add(OutputFormat.PDF);
                case "txt" -> set.add(OutputFormat.TXT);
                default -> throw new IllegalArgumentException("unknown format '" + f + "' (json, md, pdf, txt)");
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("--formats needs at least one format");
        }
        return set;
    }

    private static String usage() {
        return "Usage: tool-ocr ocr FILE... [--lang auto|eng+chi_tra] [--han chi_tra|chi_sim] [--engine tesseract|auto]"
                + " [--formats json,md,pdf,txt] [--out DIR] [--mode skip|force] [--jobs N] [--pdfa] [--tessdata DIR]\n"
                + "       --lang auto (the default) detects each page's script and reads it with its languages,"
                + " eng added; --han picks Traditional (chi_tra, the default) or Simplified Chinese for Han pages\n"
                + "       tool-ocr ocr --fetch-languages eng+osd+chi_tra [--tessdata DIR]"
                + "   (from the npm registry into ~/.cache/tool-ocr/tessdata)";
    }
}
