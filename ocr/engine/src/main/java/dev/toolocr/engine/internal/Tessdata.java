package dev.toolocr.engine.internal;

import dev.toolocr.engine.OcrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Tesseract language data is looked for, in order: {@code TESSDATA_PREFIX}, the system's
 * tessdata directories, then the per-user cache this project fills itself (from the languages that
 * ship with the build, see {@link BundledLanguages}, or with {@link LanguageFetcher}). The environment
 * is passed in, never read here, so the order can be tested.
 */
public final class Tessdata {

    /** Debian/Ubuntu (Tesseract 5 and 4), Fedora/Arch, and a source build's default. */
    public static final List<Path> SYSTEM_DIRS = List.of(
            Path.of("/usr/share/tesseract-ocr/5/tessdata"),
            Path.of("/usr/share/tesseract-ocr/4.00/tessdata"),
            Path.of("/usr/share/tessdata"),
            Path.of("/usr/local/share/tessdata"));

    /**
     * Names the system tessdata directories instead of {@link #SYSTEM_DIRS}: a list separated by the
     * platform's path separator, or {@code none} for no system directory at all (a machine as a
     * newcomer has it, whatever is installed). Unset or blank keeps {@link #SYSTEM_DIRS}.
     */
    public static final String SYSTEM_TESSDATA_KEY = "TOOL_OCR_SYSTEM_TESSDATA";

    /** One place searched; {@code source} says which step of the order it is, for messages. */
    public record Location(String source, Path dir) {}

    private final List<Location> search;
    private final Path cache;

    /**
     * @param search directories in lookup order
     * @param cache where fetched languages are written; the last entry of {@code search} when used
     */
    public Tessdata(List<Location> search, Path cache) {
        this.search = List.copyOf(search);
        this.cache = cache;
    }

    /**
     * The standard order. {@code TESSDATA_PREFIX} names the tessdata directory itself (Tesseract 4 and
     * later) or, as Tesseract 3 had it, its parent; both are tried.
     *
     * @param cacheOverride the cache directory, or null for {@link #defaultCache}
     */
    public static Tessdata fromEnvironment(Map<String, String> env, List<Path> systemDirs, Path cacheOverride) {
        return standard(prefix(env), systemDirs, cacheOverride != null ? cacheOverride : defaultCache(env));
    }

    /** The directory {@code TESSDATA_PREFIX} names in {@code env}; null when unset or blank. */
    public static Path prefix(Map<String, String> env) {
        String prefix = env.get("TESSDATA_PREFIX");
        return prefix == null || prefix.isBlank() ? null : Path.of(prefix);
    }

    /** The system directories {@code env} asks for with {@link #SYSTEM_TESSDATA_KEY}. */
    public static List<Path> systemDirs(Map<String, String> env) {
        String value = env.get(SYSTEM_TESSDATA_KEY);
        if (value == null || value.isBlank()) {
            return SYSTEM_DIRS;
        }
        if (value.strip().equals("none")) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        for (String dir : value.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir.strip()));
            }
        }
        return List.copyOf(dirs);
    }

    /** The standard order from explicit settings: {@code prefix} (may be null), system dirs, cache. */
    public static Tessdata standard(Path prefix, List<Path> systemDirs, Path cache) {
        List<Location> search = new ArrayList<>();
        if (prefix != null) {
            search.add(new Location("TESSDATA_PREFIX", prefix));
            search.add(new Location("TESSDATA_PREFIX", prefix.resolve("tessdata")));
        }
        for (Path dir : systemDirs) {
            search.add(new Location("system", dir));
        }
        search.add(new Location("cache", cache));
        return new Tessdata(search, cache);
    }

    /** A directory chosen by configuration: searched alone, and fetched languages go into it. */
    public static Tessdata only(Path dir) {
        return new Tessdata(List.of(new Location("configured", dir)), dir);
    }

    /**
     * {@code $XDG_CACHE_HOME/tool-ocr/tessdata}, or {@code ~/.cache/tool-ocr/tessdata}. A relative
     * XDG_CACHE_HOME is ignored, as the XDG spec says.
     */
    public static Path defaultCache(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = env.get("HOME");
            base = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".cache");
        }
        return base.resolve("tool-ocr").resolve("tessdata");
    }

    public List<Location> search() {
        return search;
    }

    public Path cache() {
        return cache;
    }

    /** The first location holding {@code <language>.traineddata}. */
    public Optional<Location> find(String language) {
        for (Location location : search) {
            if (Files.isRegularFile(location.dir().resolve(language + ".traineddata"))) {
                return Optional.of(location);
            }
        }
        return Optional.empty();
    }

    /**
     * A single directory for callers that need one (tests, tools): the first location holding English,
     * in the standard order for {@code env}, after the bundled languages missing everywhere have been
     * unpacked into the cache.
     *
     * @throws IllegalStateException when a bundled language cannot be unpacked
     */
    public static Path locate(Map<String, String> env) {
        Tessdata tessdata = fromEnvironment(env, systemDirs(env), null);
        BundledLanguages bundled = BundledLanguages.onClasspath();
        for (String language : bundled.languages()) {
            if (tessdata.find(language).isEmpty()) {
                try {
                    bundled.install(language, tessdata.cache());
                } catch (OcrException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        }
        return tessdata.find("eng").map(Location::dir).orElse(tessdata.cache());
    }
}
