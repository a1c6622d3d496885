package dev.toolocr.engine;

import dev.toolocr.engine.internal.DocumentReader;
import dev.toolocr.engine.internal.Exporters;
import dev.toolocr.engine.internal.SearchablePdf;
import dev.toolocr.engine.internal.Sniffer;
import dev.toolocr.engine.internal.Tessdata;
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

/**
 * The engine's entry point: sniff, read pages one at a time, recognise them in parallel on a bounded
 * pool, and write every requested output from the one run. Thread-safe; share one instance.
 */
public final class OcrProcessor implements AutoCloseable {

    private final OcrEngine engine;
    private final ExecutorService pages;
    private final int parallelPages;

    public OcrProcessor(EngineConfig config) {
        Path tessdata = config.tessdataDir() != null ? config.tessdataDir() : Tessdata.locate();
        this.engine = new TesseractEngine(tessdata);
        this.parallelPages = config.parallelPages();
        this.pages = Executors.newFixedThreadPool(parallelPages, r -> {
            Thread t = new Thread(r, "ocr-page");
            t.setDaemon(true);
            return t;
        });
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
        engine.checkLanguages(options.languages());
        boolean wantPdf = options.formats().contains(OutputFormat.PDF);
        List<Path> written = new ArrayList<>();
        try (DocumentReader reader = new DocumentReader(input, type, options);
                SearchablePdf pdf = wantPdf ? openPdf(type, input) : null) {
            int total = reader.pageCount();
            PageResult[] results = new PageResult[total];
            AtomicInteger done = new AtomicInteger();
            Semaphore inFlight = new Semaphore(parallelPages);
            List<Future<?>> futures = new ArrayList<>();
            progress.onPage(0, total);
            try {
                for (int i = 0; i < total; i++) {
                    if (cancel.isCancelled()) {
                        throw new OcrCancelledException();
                    }
                    acquire(inFlight, cancel, futures);
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
                        try {
                            PageResult r = engine.recognise(page.image(), page.dpi(), options.languages());
                            results[index] = new PageResult(
                                    index + 1,
                                    r.width(),
                                    r.height(),
                                    r.dpi(),
                                    r.rotation(),
                                    r.skew(),
                                    r.textSource(),
                                    r.blocks());
                            progress.onPage(done.incrementAndGet(), total);
                            return null;
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    await(f, options.pageTimeout(), cancel);
                }
            } catch (OcrCancelledException | OcrException e) {
                futures.forEach(f -> f.cancel(false));
                throw e;
            }
            List<PageResult> ordered = Arrays.asList(results);
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("total", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            Files.createDirectories(outDir);
            Map<OutputFormat, Path> outputs = new EnumMap<>(OutputFormat.class);
            for (OutputFormat format : options.formats()) {
                Path target = outDir.resolve(baseName + "." + format.extension());
                Path partial = outDir.resolve("." + baseName + "." + format.extension() + ".partial");
                written.add(partial);
                switch (format) {
                    case JSON ->
                        Exporters.writeJson(partial, displayName, engine.name(), options.languages(), ordered, timings);
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
            return new OcrRun(
                    total, outputs, engine.name(), options.languages(), Duration.ofNanos(System.nanoTime() - started));
        } catch (OcrCancelledException | OcrException e) {
            deleteQuietly(written);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(written);
            throw new OcrException(ErrorCode.ENGINE_FAILURE, "Writing the results failed unexpectedly.", e);
        }
    }

    private static SearchablePdf openPdf(DetectedType type, Path input) throws IOException {
        return type == DetectedType.PDF ? SearchablePdf.overPdf(input) : SearchablePdf.forImages();
    }

    private static void acquire(Semaphore inFlight, CancellationToken cancel, List<Future<?>> futures)
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
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrCancelledException();
        }
    }

    private static void await(Future<?> f, Duration timeout, CancellationToken cancel)
            throws OcrCancelledException, OcrException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (cancel.isCancelled()) {
                throw new OcrCancelledException();
            }
            try {
                f.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new OcrException(
                            ErrorCode.PAGE_TIMEOUT, "A page took longer than " + timeout.toSeconds() + " seconds.");
                }
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
        engine.close();
    }
}
