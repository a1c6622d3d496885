package dev.toolocr.server.tasks;

import dev.toolocr.engine.EngineConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits, retention and processing settings for tasks. The first three are bound from
 * {@code MAX_TASKS_PER_USER}, {@code TASK_RETENTION_DAYS} and {@code ENABLE_TASK_HISTORY}.
 */
@Validated
@ConfigurationProperties("tool-ocr.tasks")
public record TaskProperties(
        @Min(1) @Max(1_000_000) int maxTasksPerUser,
        @Min(1) @Max(36_500) int retentionDays,
        boolean enableHistory,
        @DefaultValue("209715200") @Min(1) long maxUploadBytes,
        @DefaultValue("500") @Min(1) @Max(100_000) int maxPages,
        @DefaultValue("20") @Min(1) @Max(100) int maxFilesPerUpload,
        @Valid @NotNull @DefaultValue Workers workers,
        @Valid @NotNull @DefaultValue Engine engine) {

    /**
     * @param tessdataPrefix the language data directory {@code TESSDATA_PREFIX} names, searched before
     *     the system's; blank when unset
     * @param cacheHome {@code XDG_CACHE_HOME}: fetched languages live under it in {@code
     *     tool-ocr/tessdata}; blank for {@code ~/.cache}
     * @param systemTessdata {@code TOOL_OCR_SYSTEM_TESSDATA}: the system tessdata directories to search
     *     instead of the usual ones, or {@code none}; blank for the usual ones
     */
    public record Engine(
            @DefaultValue("") String tessdataPrefix,
            @DefaultValue("") String cacheHome,
            @DefaultValue("") String systemTessdata) {

        /** The engine's settings; it reads no environment of its own. */
        public EngineConfig toEngineConfig() {
            Map<String, String> conventions = new HashMap<>();
            if (!tessdataPrefix.isBlank()) {
                conventions.put("TESSDATA_PREFIX", tessdataPrefix);
            }
            if (!cacheHome.isBlank()) {
                conventions.put("XDG_CACHE_HOME", cacheHome);
            }
            if (!systemTessdata.isBlank()) {
                conventions.put("TOOL_OCR_SYSTEM_TESSDATA", systemTessdata);
            }
            return EngineConfig.fromEnvironment(conventions);
        }
    }

    /**
     * @param poolSize tasks processed at once in this process (pages inside a task also run in parallel)
     * @param heartbeatInterval how often a running task proves its worker is alive
     * @param staleAfter a processing task whose heartbeat is older than this is taken back
     * @param maxRecoveries how often an abandoned task is re-queued before it is failed
     * @param taskTimeout longest a single task may run
     * @param workDir where a running task's input and results are kept while the engine works on them;
     *     each task gets a private folder there, removed when it ends
     */
    public record Workers(
            @DefaultValue("2") @Min(0) @Max(64) int poolSize,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("5s") @NotNull Duration heartbeatInterval,
            @DefaultValue("20s") @NotNull Duration staleAfter,
            @DefaultValue("3") @Min(1) @Max(20) int maxRecoveries,
            @DefaultValue("30m") @NotNull Duration taskTimeout,
            @NotNull Path workDir) {}
}
