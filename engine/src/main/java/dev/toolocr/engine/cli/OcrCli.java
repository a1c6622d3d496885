package dev.toolocr.engine.cli;

import dev.toolocr.engine.EngineConfig;
import dev.toolocr.engine.OcrCancelledException;
import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.OcrOptions;
import dev.toolocr.engine.OcrProcessor;
import dev.toolocr.engine.OcrRun;
import dev.toolocr.engine.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code tool-ocr ocr FILE... [--lang eng+chi_tra] [--engine auto] [--formats json,md,pdf,txt] [--out DIR]
 * [--mode skip|force] [--jobs N]}: writes {@code DIR/<name>.<ext>} per input, keeps going past a failed
 * file and exits 1 if any failed.
 */
public final class OcrCli {

    private OcrCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<Path> files = new ArrayList<>();
        String lang = "eng";
        String engine = "auto";
        Set<OutputFormat> formats = EnumSet.allOf(OutputFormat.class);
        Path out = Path.of(".");
        boolean force = false;
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--lang" -> lang = value(args, ++i, a);
                    case "--engine" -> engine = value(args, ++i, a);
                    case "--formats" -> formats = formats(value(args, ++i, a));
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--mode" -> force = "force".equals(mode(value(args, ++i, a)));
                    case "--jobs" -> jobs = Integer.parseInt(value(args, ++i, a));
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
            if (files.isEmpty()) {
                throw new IllegalArgumentException("name at least one file");
            }
            if (!engine.equals("auto") && !engine.equals("tesseract")) {
                throw new IllegalArgumentException("--engine must be auto or tesseract");
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("tool-ocr ocr: " + e.getMessage() + "\n" + usage());
            return 2;
        }
        OcrOptions options =
                OcrOptions.defaults().withLanguages(lang).withFormats(formats).withForceOcr(force);
        int failed = 0;
        boolean tty = System.console() != null;
        try (OcrProcessor processor = new OcrProcessor(new EngineConfig(jobs, null))) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
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
                } catch (OcrException e) {
                    failed++;
                    System.err.println((tty ? "\r" : "") + name + ": " + e.getMessage());
                } catch (OcrCancelledException e) {
                    failed++;
                    System.err.println(name + ": cancelled");
                }
            }
        }
        return failed == 0 ? 0 : 1;
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
        return "Usage: tool-ocr ocr FILE... [--lang eng+chi_tra] [--engine tesseract|auto] [--formats json,md,pdf,txt]"
                + " [--out DIR] [--mode skip|force] [--jobs N]";
    }
}
