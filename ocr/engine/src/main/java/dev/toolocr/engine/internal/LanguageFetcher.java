package dev.toolocr.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Installs a language into the per-user cache from the npm registry's {@code @tesseract.js-data/<lang>}
 * package (the project's own copy of the tessdata models; never GitHub). The tarball must match the
 * registry's sha512 integrity, stay under a size cap and hold only safe relative paths; the model is
 * written to a temporary file and moved into place, so the cache never holds half a file.
 */
public final class LanguageFetcher {

    public static final String PACKAGE_SCOPE = "@tesseract.js-data/";
    /** chi_tra, the largest of the languages we ship for, is a 29 MB package. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    /**
     * Longest a registry may take to send a body once it has answered. The HTTP client's own timeout
     * ends with the response headers, so a body that stops arriving would otherwise block for good.
     */
    static final Duration DEFAULT_BODY_LIMIT = Duration.ofMinutes(10);

    /** The abbreviated package document is a few kB; a registry sending more is not one we use. */
    private static final int MAX_METADATA_BYTES = 8 * 1024 * 1024;

    /** The integerised "best" models first: LSTM only, like Debian's, and small. */
    private static final List<String> PREFERRED_DIRS = List.of("4.0.0_best_int/", "4.0.0/");

    private final URI registry;
    private final Duration bodyLimit;
    private final long maxBytes;

    public LanguageFetcher(URI registry, long maxBytes) {
        this(registry, maxBytes, DEFAULT_BODY_LIMIT);
    }

    LanguageFetcher(URI registry, long maxBytes, Duration bodyLimit) {
        this.registry = registry.toString().endsWith("/") ? registry : URI.create(registry + "/");
        this.maxBytes = maxBytes;
        this.bodyLimit = bodyLimit;
    }

    /** What was installed, for the CLI to report. */
    public record Fetched(String language, String packageName, String version, Path file, long bytes) {}

    public Fetched fetch(String language, Path cacheDir) throws OcrException {
        String packageName = PACKAGE_SCOPE + language;
        JsonNode dist;
        String version;
        try {
            JsonNode meta = metadata(language, packageName);
            version = meta.path("dist-tags").path("latest").asText("");
            dist = meta.path("versions").path(version).path("dist");
        } catch (IOException e) {
            throw failure(language, "its registry entry could not be read (" + e.getMessage() + ")", e);
        }
        String tarball = dist.path("tarball").asText("");
        byte[] expected = sha512(dist.path("integrity").asText(""));
        if (version.isEmpty() || tarball.isEmpty()) {
            throw failure(language, "the registry lists no version of " + packageName, null);
        }
        if (expected == null) {
            throw failure(language, "the registry gives no sha512 integrity for " + packageName, null);
        }
        URI tarballUri = URI.create(tarball);
        // A mirror serves its own tarballs; one pointing elsewhere is not followed.
        if (!registry.getScheme().equals(tarballUri.getScheme())
                || !registry.getHost().equalsIgnoreCase(String.valueOf(tarballUri.getHost()))
                || registry.getPort() != tarballUri.getPort()) {
            throw failure(language, "its tarball is not on the registry's host", null);
        }
        Path tgz = null;
        Path model = null;
        try {
            Files.createDirectories(cacheDir);
            tgz = Files.createTempFile(cacheDir, "." + language + "-", ".tgz.partial");
            download(language, tarballUri, tgz, expected);
            String entry = chooseEntry(language, tgz);
            model = Files.createTempFile(cacheDir, "." + language + "-", ".traineddata.partial");
            long bytes = extract(language, tgz, entry, model);
            Path target = cacheDir.resolve(language + ".traineddata");
            readableByAll(model);
            Files.move(model, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            model = null;
            return new Fetched(language, packageName, version, target, bytes);
        } catch (IOException e) {
            throw failure(language, "writing it to the cache failed (" + e.getMessage() + ")", e);
        } finally {
            deleteQuietly(tgz);
            deleteQuietly(model);
        }
    }

    private JsonNode metadata(String language, String packageName) throws OcrException, IOException {
        URI uri = registry.resolve(packageName.replace("/", "%2f"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(1))
                // The abbreviated document npm itself installs from: versions and dist only.
                .header("Accept", "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8")
                .GET()
                .build();
        HttpResponse<InputStream> response = send(language, request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body();
                BodyDeadline deadline = new BodyDeadline(body, bodyLimit)) {
            if (response.statusCode() == 404) {
                throw new OcrException(
                        ErrorCode.LANGUAGE_NOT_INSTALLED,
                        "Language '" + language + "' is not available: the registry has no package " + packageName
                                + ".");
            }
            if (response.statusCode() != 200) {
                throw failure(language, "the registry answered HTTP " + response.statusCode(), null);
            }
            byte[] document;
            try {
                document = body.readNBytes(MAX_METADATA_BYTES + 1);
            } catch (IOException e) {
                if (deadline.expired()) {
                    throw tooSlow(language);
                }
                throw e;
            }
            if (document.length > MAX_METADATA_BYTES) {
                throw failure(language, "the registry's package document is over 8 MB", null);
            }
            return new ObjectMapper().readTree(document);
        }
    }

    private void download(String language, URI tarball, Path target, byte[] expected) throws OcrException, IOException {
        HttpRequest request = HttpRequest.newBuilder(tarball)
                .timeout(Duration.ofMinutes(10))
                .GET()
                .build();
        HttpResponse<InputStream> response = send(language, request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body();
                BodyDeadline deadline = new BodyDeadline(body, bodyLimit)) {
            if (response.statusCode() != 200) {
                throw failure(
                        language, "the registry answered HTTP " + response.statusCode() + " for its tarball", null);
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw tooLarge(language);
            }
            MessageDigest digest = sha512Digest();
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(target)) {
                int n;
                while ((n = read(body, buffer, deadline, language)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge(language);
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (!MessageDigest.isEqual(digest.digest(), expected)) {
                throw failure(language, "the download does not match the registry's sha512 checksum", null);
            }
        }
    }

    /** Reads the whole archive first: one unsafe entry refuses the package, whatever else it holds. */
    private String chooseEntry(String language, Path tgz) throws OcrException {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            TarReader tar = new TarReader(in);
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                String name = entry.name();
                if (!isSafe(name)) {
                    throw failure(language, "its package holds an unsafe path (" + printable(name) + ")", null);
                }
                if (entry.type() == '1' || entry.type() == '2') {
                    throw failure(language, "its package holds a link (" + printable(name) + ")", null);
                }
                int rank = rank(language, name);
                if (entry.isFile() && rank < bestRank) {
                    best = name;
                    bestRank = rank;
                }
            }
        } catch (IOException e) {
            throw failure(language, "its package is not a readable .tgz (" + e.getMessage() + ")", e);
        }
        if (best == null) {
            throw failure(language, "its package holds no " + language + ".traineddata", null);
        }
        return best;
    }

    private long extract(String language, Path tgz, String wanted, Path target) throws OcrException, IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            TarReader tar = new TarReader(in);
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                if (!entry.name().equals(wanted)) {
                    continue;
                }
                InputStream content = wanted.endsWith(".gz") ? new GZIPInputStream(tar.content()) : tar.content();
                long total = copyCapped(language, content, target);
                checkTrainedData(language, target);
                return total;
            }
        }
        throw failure(language, "its package changed while it was read", null);
    }

    private long copyCapped(String language, InputStream in, Path target) throws OcrException, IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                // The cap holds after decompression too: a small gzip can expand without bound.
                if (total > maxBytes) {
                    throw tooLarge(language);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** A traineddata file starts with its component count (little-endian int32), then their offsets. */
    private static void checkTrainedData(String language, Path file) throws OcrException, IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        int components = head.length < 4
                ? -1
                : ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        if (components < 1 || components > 64) {
            throw failure(language, "its package does not hold Tesseract language data", null);
        }
    }

    /** Temp files start owner-only; a model is no secret, and a service account may share the directory. */
    static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static int rank(String language, String name) {
        String file = language + ".traineddata";
        if (!name.endsWith("/" + file) && !name.endsWith("/" + file + ".gz") && !name.equals(file)) {
            return Integer.MAX_VALUE;
        }
        for (int i = 0; i < PREFERRED_DIRS.size(); i++) {
            if (name.contains("/" + PREFERRED_DIRS.get(i)) || name.startsWith(PREFERRED_DIRS.get(i))) {
                return i;
            }
        }
        return PREFERRED_DIRS.size();
    }

    static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            return false;
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private int read(InputStream body, byte[] buffer, BodyDeadline deadline, String language)
            throws IOException, OcrException {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            if (deadline.expired()) {
                throw tooSlow(language);
            }
            throw e;
        }
    }

    private OcrException tooSlow(String language) {
        return failure(
                language,
                "the registry " + registry.getHost() + " did not finish sending within "
                        + Math.max(1, bodyLimit.toSeconds()) + " seconds",
                null);
    }

    /** Closes a body that is still being read when its time is up, so the blocked read fails. */
    private static final class BodyDeadline implements AutoCloseable {
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicBoolean expired = new AtomicBoolean();

        BodyDeadline(InputStream body, Duration limit) {
            CompletableFuture.runAsync(
                    () -> {
                        if (finished.compareAndSet(false, true)) {
                            expired.set(true);
                            try {
                                body.close();
                            } catch (IOException e) {
                                // The reader fails either way; nothing to add.
                            }
                        }
                    },
                    CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS));
        }

        boolean expired() {
            return expired.get();
        }

        @Override
        public void close() {
            finished.set(true);
        }
    }

    private <T> HttpResponse<T> send(String language, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws OcrException {
        // Built per fetch: fetches are rare, and an idle client would keep a selector thread alive.
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw failure(language, "the registry " + registry.getHost() + " could not be reached", e);
        } catch (HttpTimeoutException e) {
            throw failure(language, "the registry " + registry.getHost() + " did not answer in time", e);
        } catch (IOException e) {
            throw failure(language, "talking to the registry " + registry.getHost() + " failed (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(language, "the download was interrupted", e);
        }
    }

    /** The sha512 digest of an SRI string such as {@code sha512-<base64>}; null when it has none. */
    static byte[] sha512(String integrity) {
        for (String part : integrity.trim().split("\\s+")) {
            if (part.toLowerCase(Locale.ROOT).startsWith("sha512-")) {
                try {
                    return Base64.getDecoder().decode(part.substring(7));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static MessageDigest sha512Digest() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }

    private OcrException tooLarge(String language) {
        String limit = maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes + " bytes";
        return failure(language, "its package is larger than the limit of " + limit, null);
    }

    private static OcrException failure(String language, String why, Throwable cause) {
        return new OcrException(
                ErrorCode.LANGUAGE_NOT_INSTALLED,
                "Language '" + language + "' could not be fetched: " + why + "; nothing was installed.",
                cause);
    }

    private static String printable(String name) {
        String clean = name.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover hidden .partial file is harmless; the next install writes a new one.
        }
    }
}
