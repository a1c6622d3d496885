package dev.toolocr.engine.internal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * Idle Tesseract instances per language combination. An instance is costly to create and not
 * thread-safe, so a caller borrows one for a page and gives it back. Each holds its languages'
 * models (tens of MB), and callers choose the combination, so only {@code maxIdle} idle instances
 * are kept across all combinations: the one given back longest ago is ended first.
 */
final class TesseractPool implements AutoCloseable {

    /** Idle instances kept when nobody passes a size: enough for two combinations on every core. */
    static final int DEFAULT_MAX_IDLE = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());

    private record Idle(String languages, TessBaseAPI api) {}

    private final Path tessdata;
    private final int pageSegMode;
    private final int maxIdle;
    /** Most recently given back first. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    /** Every instance not yet ended, borrowed or idle, so close() frees them all. */
    private final Set<TessBaseAPI> all = new HashSet<>();
    /** Language combinations this pool has loaded an instance for (or is loading), ever. */
    private final Set<String> loaded = new HashSet<>();
    /** Instances being loaded by {@link #warm}, by languages. */
    private final Map<String, CompletableFuture<Void>> warming = new HashMap<>();

    private boolean closed;

    TesseractPool(Path tessdata, int pageSegMode) {
        this(tessdata, pageSegMode, DEFAULT_MAX_IDLE);
    }

    TesseractPool(Path tessdata, int pageSegMode, int maxIdle) {
        if (maxIdle < 1) {
            throw new IllegalArgumentException("maxIdle must be at least 1");
        }
        this.tessdata = tessdata;
        this.pageSegMode = pageSegMode;
        this.maxIdle = maxIdle;
    }

    /**
     * Starts loading an instance for {@code languages} in the background unless this pool has
     * loaded one before (a busy pool gains nothing from another): the native library and the models
     * take a good second to load, which a document's first page would otherwise wait for after being
     * read and prepared. The first borrower then waits for that instance instead of loading a second
     * one beside it.
     */
    void warm(String languages) {
        CompletableFuture<Void> loading;
        synchronized (this) {
            if (closed || warming.containsKey(languages) || !loaded.add(languages)) {
                return;
            }
            loading = new CompletableFuture<>();
            warming.put(languages, loading);
        }
        Thread loader = new Thread(
                () -> {
                    try {
                        TessBaseAPI api = create(languages);
                        if (api != null) {
                            giveBack(languages, api);
                        }
                    } catch (RuntimeException e) {
                        // The borrower loads its own and meets the same failure there, reported.
                    } finally {
                        synchronized (this) {
                            warming.remove(languages);
                        }
                        loading.complete(null);
                    }
                },
                "tesseract-warm");
        loader.setDaemon(true);
        loader.start();
    }

    /** An idle instance for {@code languages}, or a new one; null when Tesseract cannot load them. */
    TessBaseAPI borrow(String languages) {
        TessBaseAPI api = takeIdle(languages);
        if (api != null) {
            return api;
        }
        CompletableFuture<Void> loading;
        synchronized (this) {
            loading = warming.get(languages);
        }
        if (loading != null) {
            loading.join();
            api = takeIdle(languages);
            if (api != null) {
                return api;
            }
        }
        return create(languages);
    }

    private TessBaseAPI create(String languages) {
        // Loading models takes a while; other pages borrow and give back meanwhile.
        TessBaseAPI fresh = new TessBaseAPI();
        // Tesseract's own debug output would go to stderr on every page.
        fresh.SetVariable("debug_file", "/dev/null");
        synchronized (this) {
            loaded.add(languages);
        }
        if (fresh.Init(tessdata.toString(), languages) != 0) {
            end(fresh);
            return null;
        }
        fresh.SetPageSegMode(pageSegMode);
        // Line text then says where the recogniser saw spaces between words (none between two Han
        // characters, one before a Latin run that has one); eng's own default would put one everywhere.
        fresh.SetVariable("preserve_interword_spaces", "1");
        synchronized (this) {
            if (!closed) {
                all.add(fresh);
                return fresh;
            }
        }
        end(fresh);
        throw new IllegalStateException("the Tesseract pool is closed");
    }

    void giveBack(String languages, TessBaseAPI api) {
        TessBaseAPI evicted = null;
        synchronized (this) {
            if (closed || !all.contains(api)) {
                return;
            }
            idle.addFirst(new Idle(languages, api));
            if (idle.size() > maxIdle) {
                evicted = idle.removeLast().api();
                all.remove(evicted);
            }
        }
        if (evicted != null) {
            end(evicted);
        }
    }

    /** Idle instances now, all combinations together. */
    synchronized int idleCount() {
        return idle.size();
    }

    private synchronized TessBaseAPI takeIdle(String languages) {
        for (Iterator<Idle> it = idle.iterator(); it.hasNext(); ) {
            Idle candidate = it.next();
            if (candidate.languages().equals(languages)) {
                it.remove();
                return candidate.api();
            }
        }
        return null;
    }

    private static void end(TessBaseAPI api) {
        api.End();
        api.close();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (TessBaseAPI api : all) {
                end(api);
            }
            all.clear();
            idle.clear();
        }
    }
}
