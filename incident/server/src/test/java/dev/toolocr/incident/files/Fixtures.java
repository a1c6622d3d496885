package dev.toolocr.incident.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Test images made here, from pixels: no binary fixtures in the repository. */
public final class Fixtures {

    private Fixtures() {}

    /** Left half red, right half blue: which way is up survives any orientation. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) throws IOException {
        if (format.equals("webp")) {
            return webp(image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with an EXIF APP1 segment (after the JFIF APP0) holding IFD0's Make (a marker to look
     * for in the renditions) and Orientation. No ImageIO writer writes EXIF, so it is built here.
     */
    public static byte[] jpegWithExif(BufferedImage image, int orientation, String make) throws IOException {
        byte[] jpeg = encode(image, "jpeg");
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff =
                ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + makeBytes.length).order(ByteOrder.BIG_ENDIAN);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F)
                .putShort((short) 2)
                .putInt(makeBytes.length)
                .putInt(8 + 2 + 24 + 4);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        tiff.put(makeBytes);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        int length = exif.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, exif);
        int at = 2;
        if ((jpeg[2] & 0xff) == 0xFF && (jpeg[3] & 0xff) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(segment);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /**
     * A decompression bomb: an RGBA PNG whose header declares {@code width × height} pixels (4 bytes
     * each once decoded) with only the first rows of data, deflated to almost nothing.
     */
    public static byte[] pngBomb(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[2 * (1 + 4 * width)]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A lossless WebP (VP8L) of an image whose red and blue channels each take at most two values
     * (0 or 255), green 0 and alpha 255 — as {@link #halves} is. No ImageIO writer writes WebP, and
     * such an image needs only VP8L's "simple" prefix codes: one bit per pixel for red and for blue.
     */
    static byte[] webp(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        Bits bits = new Bits();
        bits.write(w - 1, 14).write(h - 1, 14).write(0, 1).write(0, 3);
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // one prefix code group
        single(bits, 0); // green: always 0
        pair(bits, 0, 255); // red
        pair(bits, 0, 255); // blue
        single(bits, 255); // alpha
        single(bits, 0); // distance (unused)
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                bits.write(((rgb >> 16) & 0xff) >= 128 ? 1 : 0, 1);
                bits.write((rgb & 0xff) >= 128 ? 1 : 0, 1);
            }
        }
        byte[] data = concat(new byte[] {0x2f}, bits.bytes());
        int padded = data.length + (data.length & 1);
        ByteBuffer riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded);
        riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        riff.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return riff.array();
    }

    private static void single(Bits bits, int symbol) {
        bits.write(1, 1).write(0, 1);
        if (symbol < 2) {
            bits.write(0, 1).write(symbol, 1);
        } else {
            bits.write(1, 1).write(symbol, 8);
        }
    }

    private static void pair(Bits bits, int low, int high) {
        bits.write(1, 1).write(1, 1).write(1, 1).write(low, 8).write(high, 8);
    }

    /** VP8L's bit order: least significant bit first. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int count;

        Bits write(int value, int n) {
            for (int i = 0; i < n; i++) {
                current |= ((value >> i) & 1) << count;
                if (++count == 8) {
                    out.write(current);
                    current = 0;
                    count = 0;
                }
            }
            return this;
        }

        byte[] bytes() {
            if (count > 0) {
                out.write(current);
            }
            return out.toByteArray();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
