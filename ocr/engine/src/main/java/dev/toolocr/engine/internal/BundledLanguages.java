package dev.toolocr.engine.internal;

import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * The language models that ship with the build (module {@code ocr/languages}: gzipped models and a
 * {@code languages.properties} manifest under {@code dev/toolocr/languages/} on the classpath). A
 * model is unpacked into a language directory only when asked, checked against the size and SHA-256
 * the build recorded, and moved into place in one step, so the directory never holds half a file.
 */
public final class BundledLanguages {

    static final String RESOURCES = "dev/toolocr/languages/";

    /** One bundled model: where it came from, and what the unpacked file must be. */
    public record Model(String language, String packageName, long bytes, String sha256) {}

    private static final BundledLanguages NONE = new BundledLanguages(null, "", Map.of());

    private final ClassLoader loader;
    private final String variant;
    private final Map<String, Model> models;

    private BundledLanguages(ClassLoader loader, String variant, Map<String, Model> models) {
        this.loader = loader;
        this.variant = variant;
        this.models = Map.copyOf(models);
    }

    /** What this class's own class path ships; nothing when the languages jar is not on it. */
    public static BundledLanguages onClasspath() {
        return from(BundledLanguages.class.getClassLoader());
    }

    /** No bundled language: only what is installed counts. */
    public static BundledLanguages none() {
        return NONE;
    }

    /** What {@code loader} ships under {@code dev/toolocr/languages/}. */
    public static BundledLanguages from(ClassLoader loader) {
        Properties manifest = new Properties();
        try (InputStream in = loader.getResourceAsStream(RESOURCES + "languages.properties")) {
            if (in == null) {
                return NONE;
            }
            manifest.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("The bundled language manifest cannot be read", e);
        }
        Map<String, Model> models = new LinkedHashMap<>();
        for (String language : manifest.getProperty("languages", "").split(",")) {
            if (language.isBlank()) {
                continue;
            }
            String sha256 = manifest.getProperty(language + ".sha256");
            String bytes = manifest.getProperty(language + ".bytes");
            if (sha256 == null || bytes == null) {
                throw new IllegalStateException("The bundled language manifest lacks the checksum of " + language);
            }
            models.put(
                    language,
                    new Model(
                            language,
                            manifest.getProperty(language + ".package", LanguageFetcher.PACKAGE_SCOPE + language),
                            Long.parseLong(bytes),
                            sha256));
        }
        return new BundledLanguages(loader, manifest.getProperty("variant", ""), models);
    }

    /** Languages shipped, in manifest order. */
    public List<String> languages() {
        return new ArrayList<>(models.keySet());
    }

    /** The model variant shipped, such as {@code 4.0.0_best_int}; blank when nothing ships. */
    public String variant() {
        return variant;
    }

    public Optional<Model> model(String language) {
        return Optional.ofNullable(models.get(language));
    }

    /**
     * Writes {@code <language>.traineddata} into {@code dir}.
     *
     * @throws OcrException LANGUAGE_NOT_INSTALLED when the language does not ship, its copy is damaged,
     *     or the directory cannot be written
     */
    public Path install(String language, Path dir) throws OcrException {
        Model model = models.get(language);
        if (model == null) {
            throw LanguageData.notInstalled(language);
        }
        Path partial = null;
        try {
            Files.createDirectories(dir);
            partial = Files.createTempFile(dir, "." + language + "-", ".traineddata.partial");
            MessageDigest digest = sha256();
            long total = 0;
            try (InputStream gz = loader.getResourceAsStream(RESOURCES + language + ".traineddata.gz")) {
                if (gz == null) {
                    throw damaged(language, "its model is missing from the build", null);
                }
                try (InputStream in = new GZIPInputStream(gz);
                        OutputStream out = Files.newOutputStream(partial)) {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > model.bytes()) {
                            throw damaged(language, "its model is larger than the build recorded", null);
                        }
                        digest.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                    }
                }
            }
            if (total != model.bytes()
                    || !HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(model.sha256())) {
                throw damaged(language, "its model does not match the SHA-256 the build recorded", null);
            }
            LanguageFetcher.readableByAll(partial);
            Path target = dir.resolve(language + ".traineddata");
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
            return target;
        } catch (IOException e) {
            throw damaged(language, "writing it to " + dir + " failed (" + e.getMessage() + ")", e);
        } finally {
            LanguageFetcher.deleteQuietly(partial);
        }
    }

    private static OcrException damaged(String language, String why, Throwable cause) {
        return new OcrException(
                ErrorCode.LANGUAGE_NOT_INSTALLED,
                "Language '" + language + "' could not be unpacked from the build: " + why
                        + "; nothing was installed (rebuild, or install it another way).",
                cause);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
