package dev.toolocr.engine;

/**
 * One processor for every engine test class in the JVM: its Tesseract instances are costly to start,
 * and tests that share it also prove it stays sound across many documents.
 */
final class SharedProcessor {

    private static OcrProcessor processor;

    private SharedProcessor() {}

    static synchronized OcrProcessor get() {
        if (processor == null) {
            OcrProcessor created = new OcrProcessor(
                    EngineConfig.fromEnvironment(System.getenv()).withParallelPages(2));
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "close-shared-processor"));
            processor = created;
        }
        return processor;
    }
}
