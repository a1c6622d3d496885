package dev.toolocr.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copying with a size cap, for every place that takes a stream from outside. */
public final class Streams {

    private Streams() {}

    /**
     * Copies all of {@code in} to {@code out}; the byte count.
     *
     * @throws ObjectTooLargeException as soon as more than {@code maxBytes} have arrived
     */
    public static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new ObjectTooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
