package dev.toolocr.server.tasks;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The task pipeline's view of the OCR engine: inspect an upload, then run it. */
interface OcrGateway {

    /** The type found by content sniffing and the page count. */
    record Inspection(String mimeType, int pages) {}

    /** Results written by one run. */
    record Outcome(int pages, Map<ResultFormat, Path> outputs) {}

    interface Progress {
        void pages(int done, int total);
    }

    /** Checks type by content and the page limit before a task is accepted. */
    Inspection inspect(Path upload) throws Rejected;

    /** Runs OCR, writing {@code outDir/<baseName>.<ext>} for each requested format. */
    Outcome run(
            Path input,
            String displayName,
            TaskOptions options,
            Path outDir,
            Progress progress,
            BooleanSupplier cancelled)
            throws Failed, Cancelled;

    /** The upload cannot be accepted; {@code status} is the HTTP status to answer with. */
    final class Rejected extends Exception {
        private final int status;
        private final String code;

        Rejected(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }

    /** The run failed for a reason the user can read. */
    final class Failed extends Exception {
        private final String code;

        Failed(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    final class Cancelled extends Exception {
        Cancelled() {
            super("cancelled");
        }
    }
}
