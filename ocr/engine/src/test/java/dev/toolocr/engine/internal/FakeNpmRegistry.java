package dev.toolocr.engine.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * The two npm registry answers a language fetch needs (package metadata, then the tarball), served
 * from 127.0.0.1 with tarballs built in the test: no test touches the network.
 */
public final class FakeNpmRegistry implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> metadata = new ConcurrentHashMap<>();
    private final Map<String, byte[]> tarballs = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long stallMillis;

    public FakeNpmRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Tarballs are then sent half, and the rest only after this pause (a registry that stalls). */
    public void stallTarballs(java.time.Duration pause) {
        stallMillis = pause.toMillis();
    }

    public int requests() {
        return requests.get();
    }

    /** Publishes {@code tgz} as {@code @tesseract.js-data/<language>} 1.0.0 with its true integrity. */
    public void publish(String language, byte[] tgz) {
        publish(language, tgz, integrity(tgz), uri() + "tarballs/" + language + "-1.0.0.tgz");
    }

    public void publish(String language, byte[] tgz, String integrity, String tarballUrl) {
        tarballs.put("/tarballs/" + language + "-1.0.0.tgz", tgz);
        String json = "{\"name\":\"@tesseract.js-data/" + language + "\",\"dist-tags\":{\"latest\":\"1.0.0\"},"
                + "\"versions\":{\"1.0.0\":{\"dist\":{\"tarball\":\"" + tarballUrl + "\",\"integrity\":\""
                + integrity + "\"}}}}";
        metadata.put("/@tesseract.js-data%2f" + language, json.getBytes(StandardCharsets.UTF_8));
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = metadata.containsKey(path) ? metadata.get(path) : tarballs.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (stallMillis > 0 && tarballs.containsKey(path)) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    try {
                        Thread.sleep(stallMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(body, body.length / 2, body.length - body.length / 2);
                } else {
                    out.write(body);
                }
            } catch (IOException e) {
                // The client gave up on a stalled body; nothing more to send.
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static String integrity(byte[] bytes) {
        try {
            return "sha512-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes that pass the engine's check for Tesseract data: a component count, then anything. */
    public static byte[] fakeTrainedData(String marker) {
        byte[] text = marker.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(3)
                .put(text)
                .array();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A gzipped tar as npm packs it: entries in order, names over 100 bytes through a pax header. */
    public static byte[] tgz(Map<String, byte[]> entries) {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
                // A pax record is "<length> path=<name>\n", the length counting its own digits.
                int rest = (" path=" + name + "\n").getBytes(StandardCharsets.UTF_8).length;
                int length = rest + String.valueOf(rest).length();
                length = rest + String.valueOf(length).length();
                byte[] pax = (length + " path=" + name + "\n").getBytes(StandardCharsets.UTF_8);
                writeEntry(tar, "PaxHeader", 'x', pax);
                name = "long-name-in-pax";
            }
            writeEntry(tar, name, '0', e.getValue());
        }
        tar.writeBytes(new byte[1024]);
        return gzip(tar.toByteArray());
    }

    public static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            map.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return map;
    }

    private static void writeEntry(ByteArrayOutputStream tar, String name, char type, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", content.length), 12);
        put(header, 136, "00000000000", 12);
        header[156] = (byte) type;
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum), 7);
        tar.writeBytes(header);
        tar.writeBytes(content);
        tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }

    private static void put(byte[] header, int offset, String value, int max) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, max));
    }

    /** Files directly in {@code dir}, for asserting that nothing was left behind. */
    public static List<String> list(java.nio.file.Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var stream = java.nio.file.Files.list(dir)) {
                stream.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        return names;
    }
}
