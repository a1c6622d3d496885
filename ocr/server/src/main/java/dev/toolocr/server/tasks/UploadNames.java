package dev.toolocr.server.tasks;

import java.text.Normalizer;

/**
 * Turns a client-supplied file name into a safe display name. It is only ever shown and used to name
 * downloads; storage paths never contain it.
 */
final class UploadNames {

    private UploadNames() {}

    static String displayName(String supplied) {
        String name = supplied == null ? "" : Normalizer.normalize(supplied, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .filter(cp -> !isBidiControl(cp))
                .filter(cp -> Character.getType(cp) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isBlank()) {
            result = "upload";
        }
        if (result.length() > Task.MAX_FILENAME_LENGTH) {
            // Cut in UTF-16 units (what every database column counts at most) without splitting a pair.
            int cut = Task.MAX_FILENAME_LENGTH;
            if (Character.isHighSurrogate(result.charAt(cut - 1))) {
                cut--;
            }
            result = result.substring(0, cut);
        }
        return result;
    }

    /** The name without its extension, for naming results ({@code 報告 2026.png} → {@code 報告 2026}). */
    static String baseName(String displayName) {
        int dot = displayName.lastIndexOf('.');
        return dot > 0 ? displayName.substring(0, dot) : displayName;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    }
}
