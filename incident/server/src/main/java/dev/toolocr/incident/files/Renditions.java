package dev.toolocr.incident.files;

import dev.toolocr.platform.web.ApiException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Preview (≤ 1,280 px) and thumbnail (≤ 320 px) of an uploaded image, re-encoded from pixels alone
 * so that no EXIF, XMP, ICC comment or trailing payload of the original survives, with the EXIF
 * orientation applied. The pixel limit is checked on the header, before a single pixel is decoded.
 */
@Component
class Renditions {

    static final int PREVIEW = 1280;
    static final int THUMBNAIL = 320;

    /** One image decoded per core at a time: each decode holds a few tens of MB at most. */
    private final Semaphore decoders =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final long maxPixels;

    Renditions(FilesProperties properties) {
        this.maxPixels = properties.maxPixels();
        ImageIO.setUseCache(false); // streams come from files here; no temporary copies
        ImageIO.scanForPlugins();
    }

    /** The image as shown (orientation applied), its size as shown, and its encoded renditions. */
    record Result(int width, int height, Encoded preview, Encoded thumbnail) {}

    record Encoded(byte[] bytes, String mimeType) {}

    record Size(int width, int height) {}

    /**
     * The declared size of the first image, from the header alone.
     *
     * @throws ApiException 413 {@code image-too-large} over the pixel limit, 400 {@code
     *     unreadable-image} when no reader for the sniffed format accepts the header
     */
    Size inspect(Path file, FileType type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in, type);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw unreadable();
                }
                long pixels = (long) width * height;
                if (pixels > maxPixels) {
                    throw new ApiException(
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "image-too-large",
                            "The image is " + width + "×" + height + " pixels; the limit is " + maxPixels + " pixels.",
                            Map.of("width", width, "height", height, "max_pixels", maxPixels));
                }
                return new Size(width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable();
        }
    }

    /** Decodes (after {@link #inspect}) and renders both sizes. */
    Result render(Path file, FileType type, Size declared) {
        int orientation = ExifOrientation.read(file, type);
        BufferedImage decoded;
        decoders.acquireUninterruptibly();
        try {
            decoded = decode(file, type, declared);
        } finally {
            decoders.release();
        }
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage preview = orient(scale(decoded, PREVIEW, alpha), orientation);
        BufferedImage thumbnail = scale(preview, THUMBNAIL, alpha);
        boolean swapped = orientation >= 5;
        return new Result(
                swapped ? declared.height() : declared.width(),
                swapped ? declared.width() : declared.height(),
                encode(preview, alpha),
                encode(thumbnail, alpha));
    }

    private BufferedImage decode(Path file, FileType type, Size declared) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in, type);
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                // Read every n-th pixel when even that leaves twice the preview: a 40 MP photo then
                // needs a few MB, and the final downscale still has enough pixels to filter well.
                int step = Math.max(1, Math.max(declared.width(), declared.height()) / (2 * PREVIEW));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw unreadable();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable();
        }
    }

    /** A reader for the sniffed format (TwelveMonkeys' where the JDK has none) that accepts the stream. */
    private static ImageReader reader(ImageInputStream in, FileType type) throws IOException {
        if (in == null) {
            throw unreadable();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            for (String name : candidate.getOriginatingProvider().getFormatNames()) {
                if (name.toLowerCase(Locale.ROOT).equals(type.imageFormat())
                        || (type == FileType.JPEG && name.equalsIgnoreCase("jpg"))
                        || (type == FileType.TIFF && name.equalsIgnoreCase("tif"))) {
                    return candidate;
                }
            }
            candidate.dispose();
        }
        throw unreadable();
    }

    /** Fits the longer side into {@code max} by halving steps (each one bilinear), never enlarging. */
    static BufferedImage scale(BufferedImage source, int max, boolean alpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = Math.min(1.0, (double) max / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * factor));
        int targetH = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = redraw(source, w, h, alpha);
        while (current.getWidth() != targetW || current.getHeight() != targetH) {
            int nextW = Math.max(targetW, current.getWidth() / 2);
            int nextH = Math.max(targetH, current.getHeight() / 2);
            current = redraw(current, nextW, nextH, alpha);
        }
        return current;
    }

    /** Plain RGB or ARGB pixels, whatever the source's colour model (indexed, 16-bit, CMYK-converted, …). */
    private static BufferedImage redraw(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage out =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The image as EXIF orientation {@code o} says it is to be shown: for each shown pixel, the
     * stored pixel it comes from (2, 4 mirror; 3 turns 180°; 5, 7 transpose; 6, 8 turn 90° either way).
     */
    static BufferedImage orient(BufferedImage image, int o) {
        if (o <= 1 || o > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = o >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int[] src = image.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[src.length];
        for (int dy = 0; dy < outH; dy++) {
            for (int dx = 0; dx < outW; dx++) {
                int sx;
                int sy;
                switch (o) {
                    case 2 -> {
                        sx = w - 1 - dx;
                        sy = dy;
                    }
                    case 3 -> {
                        sx = w - 1 - dx;
                        sy = h - 1 - dy;
                    }
                    case 4 -> {
                        sx = dx;
                        sy = h - 1 - dy;
                    }
                    case 5 -> {
                        sx = dy;
                        sy = dx;
                    }
                    case 6 -> {
                        sx = dy;
                        sy = h - 1 - dx;
                    }
                    case 7 -> {
                        sx = w - 1 - dy;
                        sy = h - 1 - dx;
                    }
                    default -> {
                        sx = w - 1 - dy;
                        sy = dx;
                    }
                }
                dst[dy * outW + dx] = src[sy * w + sx];
            }
        }
        BufferedImage out = new BufferedImage(outW, outH, image.getType());
        out.setRGB(0, 0, outW, outH, dst, 0, outW);
        return out;
    }

    /** JPEG (quality 0.85) for opaque images, PNG where transparency must survive; no metadata written. */
    private static Encoded encode(BufferedImage image, boolean alpha) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String format = alpha ? "png" : "jpeg";
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!alpha) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding an in-memory image failed", e);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), alpha ? "image/png" : "image/jpeg");
    }

    private static ApiException unreadable() {
        return ApiException.invalid(
                "unreadable-image", "The file looks like an image but cannot be read as one; nothing was stored.");
    }
}
