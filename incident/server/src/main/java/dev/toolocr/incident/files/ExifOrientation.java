package dev.toolocr.incident.files;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF orientation (1–8) of an image, read with TwelveMonkeys' TIFF/EXIF reader from where each
 * format keeps it: a JPEG's APP1 segment, a TIFF's own first IFD, a PNG's {@code eXIf} chunk, a
 * WebP's {@code EXIF} chunk. GIF and BMP have none. Anything unreadable counts as 1 (as stored):
 * a broken tag must not cost the upload.
 */
final class ExifOrientation {

    private static final int TAG_ORIENTATION = 274;
    private static final int APP1 = 0xFFE1;

    /** No metadata block of ours is larger; a bigger declared length is a lie. */
    private static final int MAX_BLOCK = 1024 * 1024;

    private ExifOrientation() {}

    static int read(Path file, FileType type) {
        try {
            Integer found = null;
            if (type == FileType.JPEG) {
                found = fromJpeg(file);
            } else if (type == FileType.TIFF) {
                try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                    found = orientation(new TIFFReader().read(in));
                }
            } else if (type == FileType.PNG) {
                found = fromTiffBytes(chunk(file, 8, false, "eXIf"));
            } else if (type == FileType.WEBP) {
                found = fromTiffBytes(chunk(file, 12, true, "EXIF"));
            }
            return found != null && found >= 1 && found <= 8 ? found : 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static Integer fromJpeg(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, APP1, "Exif");
            if (segments.isEmpty()) {
                return null;
            }
            try (InputStream data = segments.get(0).data()) {
                return fromTiffBytes(data.readNBytes(MAX_BLOCK));
            }
        }
    }

    /** The block's TIFF structure, after whatever "Exif\0\0" or padding precedes its byte-order mark. */
    private static Integer fromTiffBytes(byte[] block) throws IOException {
        if (block == null) {
            return null;
        }
        for (int i = 0; i + 4 <= block.length && i <= 8; i++) {
            boolean intel = block[i] == 'I' && block[i + 1] == 'I' && block[i + 2] == 42 && block[i + 3] == 0;
            boolean motorola = block[i] == 'M' && block[i + 1] == 'M' && block[i + 2] == 0 && block[i + 3] == 42;
            if (intel || motorola) {
                try (ImageInputStream in =
                        ImageIO.createImageInputStream(new ByteArrayInputStream(block, i, block.length - i))) {
                    return orientation(new TIFFReader().read(in));
                }
            }
        }
        return null;
    }

    private static Integer orientation(Directory directory) {
        Entry entry = directory.getEntryById(TAG_ORIENTATION);
        if (entry != null && entry.getValue() instanceof Number n) {
            return n.intValue();
        }
        return null;
    }

    /**
     * The data of the first chunk named {@code wanted} in a PNG (big-endian lengths, CRC after the
     * data) or a RIFF/WebP file (little-endian sizes, padded to even), or null.
     */
    private static byte[] chunk(Path file, int start, boolean riff, String wanted) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.skipNBytes(start);
            byte[] header = new byte[8];
            while (in.readNBytes(header, 0, 8) == 8) {
                String name;
                long length;
                if (riff) {
                    name = new String(header, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                    length = (header[4] & 0xffL)
                            | (header[5] & 0xffL) << 8
                            | (header[6] & 0xffL) << 16
                            | (header[7] & 0xffL) << 24;
                } else {
                    length = (header[0] & 0xffL) << 24
                            | (header[1] & 0xffL) << 16
                            | (header[2] & 0xffL) << 8
                            | (header[3] & 0xffL);
                    name = new String(header, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                if (name.equals(wanted)) {
                    return length > MAX_BLOCK ? null : in.readNBytes((int) length);
                }
                if (!riff && name.equals("IEND")) {
                    return null;
                }
                in.skipNBytes(length + (riff ? (length & 1) : 4));
            }
            return null;
        }
    }
}
