package dev.toolocr.server.tasks;

import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrCancelledException;
import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.OcrOptions;
import dev.toolocr.engine.OcrProcessor;
import dev.toolocr.engine.OcrRun;
import dev.toolocr.engine.OutputFormat;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The task pipeline's adapter to the engine library; the only class here that knows its API. */
@Component
class EngineOcrGateway implements OcrGateway, DisposableBean {

    private final OcrProcessor processor;
    private final TaskProperties properties;

    EngineOcrGateway(TaskProperties properties) {
        this.properties = properties;
        this.processor = new OcrProcessor(properties.engine().toEngineConfig());
    }

    @Override
    public Inspection inspect(Path upload) throws Rejected {
        try {
            String mime = processor.sniff(upload).mimeType();
            int pages = processor.countPages(upload, limits(TaskOptions.DEFAULTS));
            return new Inspection(mime, pages);
        } catch (OcrException e) {
            throw new Rejected(statusFor(e.code()), slug(e.code()), e.getMessage());
        }
    }

    @Override
    public Outcome run(
            Path input,
            String displayName,
            TaskOptions options,
            Path outDir,
            Progress progress,
            BooleanSupplier cancelled)
            throws Failed, Cancelled {
        try {
            OcrRun run = processor.process(
                    input, displayName, limits(options), outDir, "result", progress::pages, cancelled::getAsBoolean);
            Map<ResultFormat, Path> outputs = new EnumMap<>(ResultFormat.class);
            run.outputs().forEach((format, path) -> outputs.put(toResult(format), path));
            return new Outcome(run.pages(), outputs);
        } catch (OcrCancelledException e) {
            throw new Cancelled();
        } catch (OcrException e) {
            throw new Failed(e.code().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
    }

    private OcrOptions limits(TaskOptions options) {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        options.formats().forEach(f -> formats.add(toEngine(f)));
        return OcrOptions.defaults()
                .withLanguages(options.lang())
                .withFormats(formats)
                .withForceOcr("force".equals(options.pdfMode()))
                .withLimits(OcrOptions.defaults().maxPixelsPerPage(), properties.maxPages());
    }

    private static int statusFor(ErrorCode code) {
        return switch (code) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE, TOO_MANY_PAGES, TOO_MANY_PIXELS -> 413;
            default -> 422;
        };
    }

    private static String slug(ErrorCode code) {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static OutputFormat toEngine(ResultFormat f) {
        return switch (f) {
            case JSON -> OutputFormat.JSON;
            case MARKDOWN -> OutputFormat.MARKDOWN;
            case PDF -> OutputFormat.PDF;
            case TXT -> OutputFormat.TXT;
        };
    }

    private static ResultFormat toResult(OutputFormat f) {
        return switch (f) {
            case JSON -> ResultFormat.JSON;
            case MARKDOWN -> ResultFormat.MARKDOWN;
            case PDF -> ResultFormat.PDF;
            case TXT -> ResultFormat.TXT;
        };
    }

    @Override
    public void destroy() {
        processor.close();
    }
}
