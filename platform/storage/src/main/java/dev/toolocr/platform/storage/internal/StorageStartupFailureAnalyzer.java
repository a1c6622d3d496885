package dev.toolocr.platform.storage.internal;

import dev.toolocr.platform.storage.StorageStartupException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A store that cannot be used stops start-up with its one sentence, not a stack trace. */
class StorageStartupFailureAnalyzer extends AbstractFailureAnalyzer<StorageStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, StorageStartupException cause) {
        return new FailureAnalysis(
                cause.getMessage(), "Correct the storage settings named above and start again.", cause);
    }
}
