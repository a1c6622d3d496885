package dev.toolocr.engine;

/** Told after each finished page. Called from worker threads. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> {};

    void onPage(int pagesDone, int pagesTotal);
}
