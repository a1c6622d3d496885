package dev.toolocr.engine.internal;

import dev.toolocr.engine.EngineConfig;
import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The language data one processor uses. Tesseract reads every language of a run from a single
 * directory, but the languages may sit in different places (eng from the system, chi_tra fetched
 * into the cache), so when several places are searched this keeps a private directory of links to
 * the first copy of each language in lookup order, and hands that to Tesseract. A language found
 * nowhere that ships with the build is unpacked into the cache first. Thread-safe.
 */
public final class LanguageData implements AutoCloseable {

    private final Tessdata tessdata;
    private final BundledLanguages bundled;
    private final LanguageFetcher fetcher;
    private final boolean fetchMissing;
    private final Path view;

    /**
     * @param bundled the languages that ship with the build, unpacked into the cache when missing
     * @param fetcher used for {@link #fetch} and, when {@code fetchMissing}, for missing languages; null
     *     when nothing may be downloaded
     */
    public LanguageData(Tessdata tessdata, BundledLanguages bundled, LanguageFetcher fetcher, boolean fetchMissing) {
        this.tessdata = tessdata;
        this.bundled = bundled;
        this.fetcher = fetcher;
        this.fetchMissing = fetchMissing && fetcher != null;
        if (tessdata.search().size() == 1) {
            this.view = null;
        } else {
            try {
                this.view = Files.createTempDirectory("tool-ocr-tessdata-");
                linkAll();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary language data directory", e);
            }
        }
        // Orientation detection looks for osd once, as the processor starts: have it there by then.
        try {
            Optional<Tessdata.Location> osd = findOrUnpack("osd");
            if (osd.isPresent()) {
                link("osd", osd.get().dir());
            }
        } catch (OcrException e) {
            // Pages are then taken as upright, as on a machine without osd; require() says why.
        }
    }

    public static LanguageData of(EngineConfig config) {
        Tessdata tessdata = config.tessdataDir() != null
                ? Tessdata.only(config.tessdataDir())
                : Tessdata.standard(
                        config.tessdataPrefix(),
                        config.systemTessdataDirs(),
                        config.languageCache() != null ? config.languageCache() : Tessdata.defaultCache(Map.of()));
        return new LanguageData(
                tessdata,
                BundledLanguages.onClasspath(),
                new LanguageFetcher(config.languageRegistry(), LanguageFetcher.DEFAULT_MAX_BYTES),
                config.fetchMissingLanguages());
    }

    /** The directory to give Tesseract. */
    public Path directory() {
        return view != null ? view : tessdata.search().get(0).dir();
    }

    public Tessdata tessdata() {
        return tessdata;
    }

    /**
     * Makes every language of {@code languages} ({@code eng+chi_tra}) available in {@link #directory()},
     * fetching missing ones when that is enabled.
     *
     * @throws OcrException LANGUAGE_NOT_INSTALLED naming the first missing language and how to get it
     */
    public synchronized void require(String languages) throws OcrException {
        for (String language : languages.split("\\+")) {
            Optional<Tessdata.Location> found = findOrUnpack(language);
            if (found.isEmpty()) {
                if (!fetchMissing) {
                    throw notInstalled(language);
                }
                fetcher.fetch(language, tessdata.cache());
                found = tessdata.find(language);
                if (found.isEmpty()) {
                    throw notInstalled(language);
                }
            }
            link(language, found.get().dir());
        }
        // Orientation detection opens osd on its own; keep its link too, should a temp cleaner take it.
        Optional<Tessdata.Location> osd = findOrUnpack("osd");
        if (osd.isPresent()) {
            link("osd", osd.get().dir());
        }
    }

    /**
     * The first location holding {@code language}; a language that ships with the build and is
     * nowhere yet is unpacked into the cache, the last place searched, so installed copies still win.
     */
    private Optional<Tessdata.Location> findOrUnpack(String language) throws OcrException {
        Optional<Tessdata.Location> found = tessdata.find(language);
        if (found.isEmpty() && bundled.model(language).isPresent()) {
            bundled.install(language, tessdata.cache());
            found = tessdata.find(language);
        }
        return found;
    }

    /**
     * The outcome of an explicit fetch of one language.
     *
     * @param fetched what was downloaded; null when the language was installed already or shipped
     * @param unpacked the language came with the build and was unpacked into {@code installedAt}
     */
    public record FetchOutcome(
            String language, Tessdata.Location installedAt, LanguageFetcher.Fetched fetched, boolean unpacked) {}

    /**
     * Installs {@code language} into the cache unless some location already holds it: from the build
     * when it ships with it, else from the registry. Only on an explicit request (or through {@link
     * #require} when fetching missing languages is enabled).
     */
    public synchronized FetchOutcome fetch(String language) throws OcrException {
        Optional<Tessdata.Location> found = tessdata.find(language);
        if (found.isPresent()) {
            link(language, found.get().dir());
            return new FetchOutcome(language, found.get(), null, false);
        }
        found = findOrUnpack(language);
        if (found.isPresent()) {
            link(language, found.get().dir());
            return new FetchOutcome(language, found.get(), null, true);
        }
        if (fetcher == null) {
            throw notInstalled(language);
        }
        LanguageFetcher.Fetched fetched = fetcher.fetch(language, tessdata.cache());
        Tessdata.Location location = tessdata.find(language).orElseThrow(() -> notInstalled(language));
        link(language, location.dir());
        return new FetchOutcome(language, location, fetched, false);
    }

    /** One line naming the language and every way to get it. */
    public static OcrException notInstalled(String language) {
        return new OcrException(
                ErrorCode.LANGUAGE_NOT_INSTALLED,
                "Language '" + language + "' is not installed; install it with 'sudo apt-get install tesseract-ocr-"
                        + language.replace('_', '-') + "', put " + language
                        + ".traineddata in the directory named by TESSDATA_PREFIX, or fetch it with"
                        + " './tool-ocr ocr --fetch-languages " + language + "'.");
    }

    private void linkAll() throws IOException {
        // Reverse order, so the earlier location's copy of a language is the one left linked.
        for (int i = tessdata.search().size() - 1; i >= 0; i--) {
            Path dir = tessdata.search().get(i).dir();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.traineddata")) {
                for (Path file : files) {
                    if (Files.isRegularFile(file)) {
                        String name = file.getFileName().toString();
                        linkFile(name, file);
                    }
                }
            }
        }
    }

    private void link(String language, Path dir) throws OcrException {
        if (view == null) {
            return;
        }
        String name = language + ".traineddata";
        try {
            linkFile(name, dir.resolve(name));
        } catch (IOException e) {
            throw new OcrException(
                    ErrorCode.ENGINE_FAILURE,
                    "Language '" + language + "' could not be made available to the engine (" + e.getMessage() + ").",
                    e);
        }
    }

    private void linkFile(String name, Path target) throws IOException {
        Path link = view.resolve(name);
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(link)
                ? Files.readSymbolicLink(link).equals(absolute) && Files.exists(link)
                : sameCopy(link, absolute)) {
            return;
        }
        // A temp cleaner may have emptied the directory under a long-running server.
        Files.createDirectories(view);
        Path fresh = view.resolve("." + name + ".link");
        Files.deleteIfExists(fresh);
        try {
            Files.createSymbolicLink(fresh, absolute);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(absolute, fresh, StandardCopyOption.REPLACE_EXISTING);
        }
        // Replaced in one step: other threads may be opening this language right now.
        Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean sameCopy(Path copy, Path original) throws IOException {
        return Files.isRegularFile(copy) && Files.size(copy) == Files.size(original);
    }

    @Override
    public void close() {
        if (view == null) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(view)) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(view);
        } catch (IOException ignored) {
            // Only links (or copies) in a temporary directory are left behind.
        }
    }
}
