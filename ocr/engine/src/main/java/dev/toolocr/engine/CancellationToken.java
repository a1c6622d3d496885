package dev.toolocr.engine;

/** Polled between pages; returning true stops the run. */
@FunctionalInterface
public interface CancellationToken {
    CancellationToken NEVER = () -> false;

    boolean isCancelled();
}
