package dev.toolocr.incident.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a file is, decided from its first bytes: never from its name or the Content-Type the client
 * sent. Only the raster formats named here are images; everything else (markup above all) is kept
 * as an opaque file.
 *
 * @param mimeType the type reported in the API
 * @param imageFormat the ImageIO format name for a raster image this app previews; null otherwise
 */
record FileType(String mimeType, String imageFormat) {

    static final FileType PNG = new FileType("image/png", "png");
    static final FileType JPEG = new FileType("image/jpeg", "jpeg");
    static final FileType GIF = new FileType("image/gif", "gif");
    static final FileType BMP = new FileType("image/bmp", "bmp");
    static final FileType TIFF = new FileType("image/tiff", "tiff");
    static final FileType WEBP = new FileType("image/webp", "webp");
    static final FileType PDF = new FileType("application/pdf", null);
    static final FileType ZIP = new FileType("application/zip", null);
    static final FileType GZIP = new FileType("application/gzip", null);
    static final FileType HTML = new FileType("text/html", null);
    static final FileType SVG = new FileType("image/svg+xml", null);
    static final FileType XML = new FileType("application/xml", null);
    static final FileType TEXT = new FileType("text/plain", null);
    static final FileType BINARY = new FileType("application/octet-stream", null);

    private static final int HEAD = 8192;

    /** Tags that make a browser treat text as a page (WHATWG MIME sniffing, and a few it runs anyway). */
    private static final Pattern HTML_TAG = Pattern.compile(
            "<(!doctype\\s+html|html|head|body|script|iframe|object|embed|frame|frameset|style|title|a\\s|img\\s|"
                    + "div|table|font|br|p[\\s>]|h1|b[\\s>]|meta|link|form|input|!--)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SVG_TAG = Pattern.compile("<svg[\\s>/]", Pattern.CASE_INSENSITIVE);

    boolean image() {
        return imageFormat != null;
    }

    static FileType sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        return sniff(head);
    }

    static FileType sniff(byte[] h) {
        int n = h.length;
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(h, 'G', 'I', 'F', '8', '7', 'a') || starts(h, 'G', 'I', 'F', '8', '9', 'a')) {
            return GIF;
        }
        // "BM", then a DIB header size that a real BMP has (12, 40, 52, 56, 64, 108, 124).
        if (starts(h, 'B', 'M') && n >= 18 && validDibHeader(le32(h, 14))) {
            return BMP;
        }
        if (starts(h, 'I', 'I', 42, 0) || starts(h, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        if (starts(h, 'R', 'I', 'F', 'F') && n >= 16 && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return WEBP;
        }
        if (starts(h, 'P', 'K', 3, 4) || starts(h, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (starts(h, 0x1F, 0x8B)) {
            return GZIP;
        }
        if (new String(h, 0, Math.min(n, 1024), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            return PDF;
        }
        String text = asText(h);
        if (text == null) {
            return BINARY;
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (SVG_TAG.matcher(text).find()) {
            return SVG;
        }
        if (HTML_TAG.matcher(text).find()) {
            return HTML;
        }
        if (start.startsWith("<?xml") || start.startsWith("<")) {
            return XML;
        }
        return TEXT;
    }

    /** The head as text when it is UTF-8 or BOM-marked UTF-16 without NULs; null for binary data. */
    private static String asText(byte[] h) {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (starts(h, 0xEF, 0xBB, 0xBF)) {
            offset = 3;
        } else if (starts(h, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (starts(h, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // The head may end inside a multi-byte character: drop up to three trailing bytes before judging.
        for (int cut = 0; cut <= 3 && h.length - offset - cut >= 0; cut++) {
            try {
                String s = decoder.reset()
                        .decode(ByteBuffer.wrap(h, offset, h.length - offset - cut))
                        .toString();
                return s.indexOf('\0') >= 0 ? null : s;
            } catch (CharacterCodingException e) {
                // try a shorter tail
            }
        }
        return null;
    }

    private static boolean validDibHeader(long size) {
        return size == 12 || size == 40 || size == 52 || size == 56 || size == 64 || size == 108 || size == 124;
    }

    private static long le32(byte[] h, int at) {
        return (h[at] & 0xffL) | (h[at + 1] & 0xffL) << 8 | (h[at + 2] & 0xffL) << 16 | (h[at + 3] & 0xffL) << 24;
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
