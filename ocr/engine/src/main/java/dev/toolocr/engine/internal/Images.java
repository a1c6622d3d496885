package dev.toolocr.engine.internal;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

final class Images {

    private Images() {}

    /** 8-bit grayscale with a packed raster (one byte per pixel, no row padding), white behind transparency. */
    static BufferedImage toGray(BufferedImage source) {
        if (isPackedGray(source)) {
            return source;
        }
        BufferedImage gray = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, source.getWidth(), source.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }

    /** Already one byte per pixel from the first byte on: usable as it is, no copy needed. */
    private static boolean isPackedGray(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer().getSize() == image.getWidth() * image.getHeight()
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
    }

    /**
     * Bilinear resize of a packed grey image by {@code factor}. Hand-rolled on the byte array: Java2D's
     * interpolating paths for grey images take over a second on an A4 page at 300 dpi.
     */
    static BufferedImage scale(BufferedImage gray, double factor) {
        int sw = gray.getWidth();
        int sh = gray.getHeight();
        int w = Math.max(1, (int) Math.round(sw * factor));
        int h = Math.max(1, (int) Math.round(sh * factor));
        byte[] src = pixels(gray);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = pixels(out);
        // Per output column: the left source column and the weight (of 256) of its right neighbour.
        int[] x0 = new int[w];
        int[] fx = new int[w];
        for (int x = 0; x < w; x++) {
            double sx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / w - 0.5));
            x0[x] = Math.min(sw - 2 < 0 ? 0 : sw - 2, (int) sx);
            fx[x] = (int) Math.round((sx - x0[x]) * 256);
        }
        int right = sw > 1 ? 1 : 0;
        for (int y = 0; y < h; y++) {
            double sy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / h - 0.5));
            int y0 = Math.min(sh - 2 < 0 ? 0 : sh - 2, (int) sy);
            int fy = (int) Math.round((sy - y0) * 256);
            int top = y0 * sw;
            int bottom = sh > 1 ? top + sw : top;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = x0[x];
                int f = fx[x];
                int upper = (src[top + i] & 0xFF) * (256 - f) + (src[top + i + right] & 0xFF) * f;
                int lower = (src[bottom + i] & 0xFF) * (256 - f) + (src[bottom + i + right] & 0xFF) * f;
                dst[row + x] = (byte) ((upper * (256 - fy) + lower * fy + 32768) >> 16);
            }
        }
        return out;
    }

    /**
     * Draws {@code gray} through {@code transform} onto a page of the same size with white behind,
     * sampling bilinearly: what {@code Graphics2D.drawImage(gray, transform, null)} does, several times
     * faster for grey pages.
     */
    static BufferedImage transform(BufferedImage gray, AffineTransform transform) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] src = pixels(gray);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = pixels(out);
        AffineTransform inverse;
        try {
            inverse = transform.createInverse();
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new IllegalArgumentException("transform cannot be undone", e);
        }
        double[] m = new double[6];
        inverse.getMatrix(m); // m00 m10 m01 m11 m02 m12
        for (int y = 0; y < h; y++) {
            // Pixel centres map to pixel centres, as Java2D samples them.
            double sx = m[0] * 0.5 + m[2] * (y + 0.5) + m[4] - 0.5;
            double sy = m[1] * 0.5 + m[3] * (y + 0.5) + m[5] - 0.5;
            int row = y * w;
            for (int x = 0; x < w; x++, sx += m[0], sy += m[1]) {
                if (sx < -1 || sy < -1 || sx >= w || sy >= h) {
                    dst[row + x] = (byte) 255;
                    continue;
                }
                // Floor by truncation of a value made non-negative: Math.floor is a call in the
                // launcher's C1-compiled code, twice per pixel.
                int ix = (int) (sx + 1) - 1;
                int iy = (int) (sy + 1) - 1;
                int fx = (int) ((sx - ix) * 256);
                int fy = (int) ((sy - iy) * 256);
                int a;
                int b;
                int c;
                int d;
                if (ix >= 0 && iy >= 0 && ix + 1 < w && iy + 1 < h) {
                    int at = iy * w + ix;
                    a = src[at] & 0xFF;
                    b = src[at + 1] & 0xFF;
                    c = src[at + w] & 0xFF;
                    d = src[at + w + 1] & 0xFF;
                } else {
                    a = sample(src, w, h, ix, iy);
                    b = sample(src, w, h, ix + 1, iy);
                    c = sample(src, w, h, ix, iy + 1);
                    d = sample(src, w, h, ix + 1, iy + 1);
                }
                int upper = a * (256 - fx) + b * fx;
                int lower = c * (256 - fx) + d * fx;
                dst[row + x] = (byte) ((upper * (256 - fy) + lower * fy + 32768) >> 16);
            }
        }
        return out;
    }

    /**
     * Whether the page holds two grey levels at most: a bilevel scan (fax, CCITT, 1-bit PNG) turned
     * grey. Stops at the third level it meets, which on a photo or grey scan comes within a few pixels.
     */
    static boolean isBilevel(BufferedImage gray) {
        byte[] px = pixels(gray);
        if (px.length == 0) {
            return false;
        }
        byte a = px[0];
        byte b = a;
        for (byte v : px) {
            if (v != a && v != b) {
                if (a != b) {
                    return false;
                }
                b = v;
            }
        }
        return a != b;
    }

    /**
     * A 3×3 box blur: every pixel the mean of itself and its eight neighbours (edges repeated), in two
     * passes of three, on the byte arrays.
     */
    static BufferedImage smooth(BufferedImage gray) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] src = pixels(gray);
        int[] rows = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int left = src[row + Math.max(0, x - 1)] & 0xFF;
                int right = src[row + Math.min(w - 1, x + 1)] & 0xFF;
                rows[row + x] = left + (src[row + x] & 0xFF) + right;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = pixels(out);
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int row = y * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                dst[row + x] = (byte) ((rows[up + x] + rows[row + x] + rows[down + x] + 4) / 9);
            }
        }
        return out;
    }

    /** A source pixel, white outside the page. */
    private static int sample(byte[] src, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255 : src[y * w + x] & 0xFF;
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }
}
