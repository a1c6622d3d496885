package dev.toolocr.engine.internal;

import dev.toolocr.engine.DetectedType;
import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decides the type from the first bytes; the file name is never consulted. */
public final class Sniffer {

    private Sniffer() {}

    public static DetectedType sniff(Path file) throws OcrException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new OcrException(ErrorCode.CORRUPT_FILE, "The file could not be read.");
        }
        if (n == 0) {
            throw new OcrException(ErrorCode.EMPTY_FILE, "The file is empty.");
        }
        if (starts(head, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return DetectedType.PNG;
        }
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return DetectedType.JPEG;
        }
        if (starts(head, n, 'I', 'I', 42, 0) || starts(head, n, 'M', 'M', 0, 42)) {
            return DetectedType.TIFF;
        }
        if (starts(head, n, 'B', 'M')) {
            return DetectedType.BMP;
        }
        if (starts(head, n, 'G', 'I', 'F', '8')) {
            return DetectedType.GIF;
        }
        if (n >= 12
                && starts(head, n, 'R', 'I', 'F', 'F')
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return DetectedType.WEBP;
        }
        if (isPdf(file)) {
            return DetectedType.PDF;
        }
        throw new OcrException(
                ErrorCode.UNSUPPORTED_TYPE,
                "The file is not a supported image (PNG, JPEG, TIFF, BMP, GIF, WebP) or PDF.");
    }

    /** PDF allows junk before the header within the first kilobyte. */
    private static boolean isPdf(Path file) throws OcrException {
        byte[] start = new byte[1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(start, 0, start.length);
            String text = new String(start, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.contains("%PDF-");
        } catch (IOException e) {
            throw new OcrException(ErrorCode.CORRUPT_FILE, "The file could not be read.");
        }
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) {
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
