package dev.toolocr.engine;

import dev.toolocr.engine.internal.DocumentReader;
import dev.toolocr.engine.internal.Exporters;
import dev.toolocr.engine.internal.LanguageData;
import dev.toolocr.engine.internal.LineLayout;
import dev.toolocr.engine.internal.PagePreparer;
import dev.toolocr.engine.internal.SearchablePdf;
import dev.toolocr.engine.internal.Sniffer;
import dev.toolocr.engine.internal.TableDetector;
import dev.toolocr.engine.internal.TesseractEngine;
import dev.toolocr.engine.model.PageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The engine's entry point: sniff, read pages one at a time, recognise them in parallel on a bounded
 * pool, and write every requested output from the one run. Thread-safe; share one instance.
 */
public final class OcrProcessor implements AutoCloseable {

    private final LanguageData languages;
    private final OcrEngine engine;
    private final PagePreparer preparer;
    private final ExecutorService pages;
    private final int parallelPages;

    public OcrProcessor(EngineConfig config) {
        this.languages = LanguageData.of(config);
        Path tessdata = languages.directory();
        this.engine = new TesseractEngine(tessdata);
        this.preparer = new PagePreparer(tessdata);
        this.parallelPages = config.parallelPages();
        this.pages = Executors.newFixedThreadPool(parallelPages, r -> {
            Thread t = new Thread(r, "ocr-page");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Fails with LANGUAGE_NOT_INSTALLED (one line: the language and how to get it) unless every
     * language of {@code eng+chi_tra} can be used; fetches missing ones when the config allows. For
     * {@link OcrOptions#AUTO} that is {@code eng}, which every page may fall back to; a page whose
     * script needs another language is read with it when it is installed (or can be fetched), and
     * with {@code eng} otherwise, as its JSON then says.
     */
    public void requireLanguages(String languageCodes) throws OcrException {
        String needed = OcrOptions.AUTO.equals(languageCodes) ? "eng" : languageCodes;
        languages.require(needed);
        engine.checkLanguages(needed);
    }

    public DetectedType sniff(Path input) throws OcrException {
        return Sniffer.sniff(input);
    }

    /** Opens the document far enough to count pages; cheap compared to recognition. */
    public int countPages(Path input, OcrOptions options) throws OcrException {
        try (DocumentReader reader = new DocumentReader(input, Sniffer.sniff(input), options)) {
            return reader.pageCount();
        }
    }

    public OcrRun process(
            Path input,
            String displayName,
            OcrOptions options,
            Path outDir,
            String baseName,
            ProgressListener progress,
            CancellationToken cancel)
            throws OcrException, OcrCancelledException {
        long started = System.nanoTime();
        DetectedType type = Sniffer.sniff(input);
        requireLanguages(options.languages());
        if (options.autoLanguages()) {
            preparer.warmUp();
        } else {
            engine.warmUp(options.languages());
        }
        boolean wantPdf = options.formats().contains(OutputFormat.PDF);
        List<Path> written = new ArrayList<>();
        try (DocumentReader reader = new DocumentReader(input, type, options);
                SearchablePdf pdf = wantPdf ? openPdf(type, input, options.pdfA()) : null) {
            int total = reader.pageCount();
            PageResult[] results = new PageResult[total];
            AtomicInteger done = new AtomicInteger();
            Semaphore inFlight = new Semaphore(parallelPages);
            List<Future<?>> futures = new ArrayList<>();
            // When each page's work began (0: still queued behind other documents' pages), so its
            // time limit counts its own work only.
            AtomicLongArray startedAt = new AtomicLongArray(total);
            PageClock clock = new PageClock(startedAt, pageBudget(options.pageTimeout()));
            progress.onPage(0, total);
            try {
                for (int i = 0; i < total; i++) {
                    if (cancel.isCancelled()) {
                        throw new OcrCancelledException();
                    }
                    acquire(inFlight, cancel, futures, clock);
                    DocumentReader.Page page;
                    try {
                        page = reader.page(i);
                    } catch (OcrException e) {
                        inFlight.release();
                        throw e;
                    }
                    if (pdf != null && type != DetectedType.PDF) {
                        pdf.addImagePage(page.image(), page.dpi());
                    }
                    int index = i;
                    if (page.extracted() != null) {
                        results[index] = page.extracted();
                        inFlight.release();
                        progress.onPage(done.incrementAndGet(), total);
                        continue;
                    }
                    futures.add(pages.submit(() -> {
                        startedAt.set(index, System.nanoTime());
                        try {
                            results[index] = recognisePage(page, index, options);
                            progress.onPage(done.incrementAndGet(), total);
                            return null;
                        } finally {
                            clock.finished(index);
                            inFlight.release();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    await(f, clock, cancel);
                }
            } catch (OcrCancelledException | OcrException e) {
                futures.forEach(f -> f.cancel(false));
                throw e;
            }
            List<PageResult> ordered = Arrays.asList(results);
            String used = usedLanguages(ordered, options);
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("total", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            Files.createDirectories(outDir);
            Map<OutputFormat, Path> outputs = new EnumMap<>(OutputFormat.class);
            for (OutputFormat format : options.formats()) {
                Path target = outDir.resolve(baseName + "." + format.extension());
                Path partial = outDir.resolve("." + baseName + "." + format.extension() + ".partial");
                written.add(partial);
                switch (format) {
                    case JSON -> Exporters.writeJson(partial, displayName, engine.name(), used, ordered, timings);
                    case TXT -> Exporters.writeText(partial, ordered);
                    case MARKDOWN -> Exporters.writeMarkdown(partial, ordered);
                    case PDF -> {
                        for (int i = 0; i < total; i++) {
                            pdf.addTextLayer(i, ordered.get(i));
                        }
                        pdf.save(partial);
                    }
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.set(written.size() - 1, target);
                outputs.put(format, target);
            }
            return new OcrRun(total, outputs, engine.name(), used, Duration.ofNanos(System.nanoTime() - started));
        } catch (OcrCancelledException | OcrException e) {
            deleteQuietly(written);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(written);
            throw new OcrException(ErrorCode.ENGINE_FAILURE, "Writing the results failed unexpectedly.", e);
        }
    }

    /**
     * Prepares and recognises one page. With {@link OcrOptions#AUTO} orientation and script are
     * detected first, on every page, and the script picks the languages; with named languages the
     * orientation is only checked when the upright reading gives reason to doubt it.
     */
    private PageResult recognisePage(DocumentReader.Page page, int index, OcrOptions options) throws OcrException {
        boolean auto = options.autoLanguages();
        PagePreparer.Prepared prepared = preparer.prepare(page.image(), page.dpi(), options.maxPixelsPerPage(), auto);
        String langs = auto ? options.forScript(prepared.script()) : options.languages();
        if (auto && !languageAvailable(langs)) {
            // Script detection errs on sparse pages; a script whose language is not installed (nor
            // fetchable) is read as the fallback rather than failing a document nobody asked that of.
            langs = OcrOptions.AUTO_FALLBACK;
        }
        PageResult r = engine.recognise(prepared.image(), prepared.dpi(), langs, options.pageTimeout());
        if (auto && OcrOptions.AUTO_FALLBACK.equals(langs) && OrientationCheck.misread(r)) {
            // Script detection often calls a Chinese page with Latin words in it Latin; read as
            // English such a page scores low, and is read again as Chinese, keeping the better.
            String han = options.forScript("Han");
            if (languageAvailable(han)) {
                PageResult second = engine.recognise(prepared.image(), prepared.dpi(), han, options.pageTimeout());
                if (OrientationCheck.confidence(second) > OrientationCheck.confidence(r)) {
                    r = second;
                    langs = han;
                }
            }
        }
        if (!auto && preparer.detectsOrientation() && OrientationCheck.doubtful(r)) {
            PagePreparer.Prepared turned = preparer.prepare(page.image(), page.dpi(), options.maxPixelsPerPage(), true);
            if (turned.rotation() != 0) {
                PageResult second = engine.recognise(turned.image(), turned.dpi(), langs, options.pageTimeout());
                // The turn is kept unless it reads clearly worse: sideways text that Tesseract read
                // as it was scores alike both ways, and its lines should run across the page.
                if (OrientationCheck.confidence(second)
                        >= OrientationCheck.confidence(r) - OrientationCheck.TOLERANCE) {
                    prepared = turned;
                    r = second;
                }
            }
        }
        List<PageResult.Block> blocks = LineLayout.rows(r.blocks());
        return new PageResult(
                index + 1,
                r.width(),
                r.height(),
                r.dpi(),
                prepared.rotation(),
                prepared.skew(),
                r.textSource(),
                blocks,
                TableDetector.detect(prepared.image(), prepared.dpi(), blocks),
                langs);
    }

    private boolean languageAvailable(String codes) {
        try {
            requireLanguages(codes);
            return true;
        } catch (OcrException e) {
            return false;
        }
    }

    /** The languages the pages were read with, each once in order of first use; the request's when none was read. */
    private static String usedLanguages(List<PageResult> pages, OcrOptions options) {
        java.util.LinkedHashSet<String> used = new java.util.LinkedHashSet<>();
        for (PageResult p : pages) {
            if (!p.languages().isEmpty()) {
                used.addAll(List.of(p.languages().split("\\+")));
            }
        }
        return used.isEmpty() ? options.languages() : String.join("+", used);
    }

    private static SearchablePdf openPdf(DetectedType type, Path input, boolean pdfA) throws IOException, OcrException {
        return type == DetectedType.PDF ? SearchablePdf.overPdf(input, pdfA) : SearchablePdf.forImages(pdfA);
    }

    /**
     * The whole of one page's work may take this long: preparation, up to two recognitions (each held
     * to {@code pageTimeout} by the engine itself) and table detection. Past it the page is given up.
     */
    private static Duration pageBudget(Duration pageTimeout) {
        return pageTimeout.multipliedBy(2).plusSeconds(30);
    }

    /** Start times of a document's pages and the budget each has from its start. */
    private record PageClock(AtomicLongArray startedAt, Duration budget) {

        /** Throws PAGE_TIMEOUT when a started page has run past its budget. */
        void check() throws OcrException {
            long now = System.nanoTime();
            for (int i = 0; i < startedAt.length(); i++) {
                long started = startedAt.get(i);
                if (started != 0 && now - started > budget.toNanos()) {
                    throw new OcrException(
                            ErrorCode.PAGE_TIMEOUT,
                            "Page " + (i + 1) + " took longer than " + budget.toSeconds() + " seconds.");
                }
            }
        }

        void finished(int index) {
            startedAt.set(index, 0);
        }
    }

    private static void acquire(Semaphore inFlight, CancellationToken cancel, List<Future<?>> futures, PageClock clock)
            throws OcrCancelledException, OcrException {
        try {
            while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    throw new OcrCancelledException();
                }
                for (Future<?> f : futures) {
                    if (f.isDone()) {
                        rethrow(f);
                    }
                }
                clock.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrCancelledException();
        }
    }

    private static void await(Future<?> f, PageClock clock, CancellationToken cancel)
            throws OcrCancelledException, OcrException {
        while (true) {
            if (cancel.isCancelled()) {
                throw new OcrCancelledException();
            }
            try {
                f.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                clock.check();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OcrCancelledException();
            } catch (ExecutionException e) {
                rethrow(f);
            }
        }
    }

    private static void rethrow(Future<?> f) throws OcrException {
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcrException oe) {
                throw oe;
            }
            throw new OcrException(ErrorCode.ENGINE_FAILURE, "Recognition failed on a page.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Best effort: the caller clears the whole output directory on failure anyway.
            }
        }
    }

    @Override
    public void close() {
        pages.shutdownNow();
        try {
            // A page inside native recognition cannot be interrupted; freeing its instance under it
            // would crash the JVM, so wait for running pages to finish first.
            pages.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
        preparer.close();
        languages.close();
    }
}
