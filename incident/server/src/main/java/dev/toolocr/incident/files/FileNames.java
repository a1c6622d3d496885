package dev.toolocr.incident.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** File names as people gave them, made harmless to store, show and send back in a header. */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private static final String FALLBACK = "file";

    /** Names Windows reserves for devices, whatever the extension. */
    private static final Set<String> DEVICES = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FileNames() {}

    /**
     * The last path segment of {@code raw} (either separator), NFC, without control, format and bidi
     * characters (an RLO can make {@code exe.jpg} show as {@code gpj.exe}), with the characters
     * file systems forbid replaced, trimmed of spaces and dots, at most {@link #MAX_LENGTH} code
     * points with its extension kept; {@code file} when nothing is left.
     */
    static String sanitise(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean joiner = cp == 0x200C || cp == 0x200D; // inside emoji and Indic scripts
            if (type == Character.CONTROL
                    || (type == Character.FORMAT && !joiner)
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            if ("<>:\"|?*".indexOf(cp) >= 0) {
                kept.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                kept.append(' ');
            } else {
                kept.appendCodePoint(cp);
            }
        });
        name = strip(kept.toString().replaceAll(" {2,}", " "));
        name = shorten(name);
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (DEVICES.contains(stem)) {
            name = "_" + name;
        }
        return name;
    }

    /**
     * An RFC 6266 {@code Content-Disposition}: an ASCII {@code filename} for old clients and the
     * exact name in {@code filename*} (RFC 8187, UTF-8, percent-encoded).
     */
    static String contentDisposition(String type, String sanitised) {
        StringBuilder ascii = new StringBuilder();
        sanitised.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e || cp == '"' || cp == '\\' || cp == '%' || cp == ';') {
                ascii.append('_');
            } else {
                ascii.append((char) cp);
            }
        });
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(sanitised);
    }

    /** RFC 8187 attr-char stays; every other byte of the UTF-8 form is %XX. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Keeps the extension (up to 16 characters) when a long name must be cut. */
    private static String shorten(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return strip(stem.substring(0, stem.offsetByCodePoints(0, keep))) + extension;
    }
}
