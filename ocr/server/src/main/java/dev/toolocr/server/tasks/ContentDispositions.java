package dev.toolocr.server.tasks;

import java.nio.charset.StandardCharsets;

/**
 * RFC 6266 attachment headers: an ASCII {@code filename} for old clients and the exact name as
 * {@code filename*=UTF-8''…} (RFC 8187) for everyone else.
 */
final class ContentDispositions {

    private ContentDispositions() {}

    static String attachment(String filename) {
        return "attachment; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''" + encode(filename);
    }

    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            boolean printable = c >= 0x20 && c < 0x7f;
            out.append(printable && c != '"' && c != '\\' && c != '%' && c != ';' ? c : '_');
        }
        return out.toString();
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
