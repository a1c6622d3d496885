package dev.toolocr.engine.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream entry by entry: ustar with pax ({@code path}) and GNU long-name headers, which
 * is what npm's packer writes. Only names, types and contents; nothing is written to disk here, so
 * the caller decides what an entry's name may be before using it.
 */
final class TarReader {

    /** @param type the header's type flag: '0' (or NUL) a file, '5' a directory, '1'/'2' links */
    record Entry(String name, char type, long size) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    private static final int BLOCK = 512;
    /** Pax and long-name headers only carry a path; anything bigger is not a package we accept. */
    private static final int MAX_META = 64 * 1024;

    private final InputStream in;
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end of the archive. */
    Entry next() throws IOException {
        skipRest();
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0) {
                return null;
            }
            if (header.length < BLOCK) {
                throw new EOFException("truncated tar header");
            }
            if (allZero(header)) {
                return null;
            }
            verifyChecksum(header);
            char type = (char) (header[156] & 0xff);
            long size = octal(header, 124, 12);
            String name = string(header, 0, 100);
            if (string(header, 257, 5).equals("ustar")) {
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                if (size > MAX_META) {
                    throw new IOException("tar metadata entry too large");
                }
                byte[] meta = in.readNBytes((int) size);
                if (meta.length < size) {
                    throw new EOFException("truncated tar entry");
                }
                skipFully(pad(size));
                if (type == 'x') {
                    String path = paxPath(meta);
                    if (path != null) {
                        longName = path;
                    }
                } else if (type == 'L') {
                    longName = string(meta, 0, meta.length);
                }
                continue;
            }
            remaining = size;
            padding = pad(size);
            return new Entry(longName != null ? longName : name, type, size);
        }
    }

    /** The current entry's bytes; valid until the next call to {@link #next()}. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("truncated tar entry");
                }
                remaining -= n;
                return n;
            }
        };
    }

    private void skipRest() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("truncated tar entry");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static long pad(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static String paxPath(byte[] meta) throws IOException {
        String records = new String(meta, StandardCharsets.UTF_8);
        String path = null;
        int pos = 0;
        while (pos < records.length()) {
            int space = records.indexOf(' ', pos);
            if (space < 0) {
                throw new IOException("malformed pax header");
            }
            int length;
            try {
                length = Integer.parseInt(records.substring(pos, space));
            } catch (NumberFormatException e) {
                throw new IOException("malformed pax header");
            }
            if (length <= space - pos || pos + length > records.length()) {
                throw new IOException("malformed pax header");
            }
            String record = records.substring(space + 1, pos + length - 1);
            if (record.startsWith("path=")) {
                path = record.substring(5);
            }
            pos += length;
        }
        return path;
    }

    private static void verifyChecksum(byte[] header) throws IOException {
        long stored = octal(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
        }
        if (sum != stored) {
            throw new IOException("not a tar archive (header checksum mismatch)");
        }
    }

    private static long octal(byte[] b, int off, int len) throws IOException {
        if ((b[off] & 0x80) != 0) {
            // Base-256 sizes only appear above 8 GB, far beyond any language package.
            throw new IOException("tar entry too large");
        }
        long value = 0;
        int end = off + len;
        int i = off;
        while (i < end && (b[i] == ' ' || b[i] == 0)) {
            i++;
        }
        for (; i < end && b[i] >= '0' && b[i] <= '7'; i++) {
            value = value * 8 + (b[i] - '0');
        }
        return value;
    }

    private static String string(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
