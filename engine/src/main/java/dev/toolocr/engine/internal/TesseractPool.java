package dev.toolocr.engine.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * Idle Tesseract instances per language combination. An instance is costly to create and not
 * thread-safe, so a caller borrows one for a page and gives it back; all are freed together on close.
 */
final class TesseractPool implements AutoCloseable {

    private final Path tessdata;
    private final int pageSegMode;
    private final Map<String, BlockingQueue<TessBaseAPI>> idle = new ConcurrentHashMap<>();
    private final List<TessBaseAPI> all = new ArrayList<>();

    TesseractPool(Path tessdata, int pageSegMode) {
        this.tessdata = tessdata;
        this.pageSegMode = pageSegMode;
    }

    /** An idle instance for {@code languages}, or a new one; null when Tesseract cannot load them. */
    TessBaseAPI borrow(String languages) {
        TessBaseAPI api = idle.computeIfAbsent(languages, l -> new LinkedBlockingQueue<>())
                .poll();
        if (api != null) {
            return api;
        }
        TessBaseAPI fresh = new TessBaseAPI();
        // Tesseract's own debug output would go to stderr on every page.
        fresh.SetVariable("debug_file", "/dev/null");
        if (fresh.Init(tessdata.toString(), languages) != 0) {
            fresh.End();
            fresh.close();
            return null;
        }
        fresh.SetPageSegMode(pageSegMode);
        synchronized (all) {
            all.add(fresh);
        }
        return fresh;
    }

    void giveBack(String languages, TessBaseAPI api) {
        idle.get(languages).offer(api);
    }

    @Override
    public void close() {
        synchronized (all) {
            for (TessBaseAPI api : all) {
                api.End();
                api.close();
            }
            all.clear();
        }
        idle.clear();
    }
}
