package dev.toolocr.engine.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Evens out the light on a photographed page. Tesseract binarises a page with one global threshold,
 * so a shadow or a dark corner turns into black blobs that break its layout analysis. The paper's
 * brightness is estimated on a coarse grid (a bright percentile per cell, which ignores the ink) and
 * every pixel is divided by it, which leaves ink dark and turns paper, however lit, white.
 */
final class Illumination {

    /** Paper brightness that varies less than this across the page is an even scan: left alone. */
    static final int MIN_SPREAD = 40;

    /** The share of a cell's pixels darker than its paper estimate: ink rarely covers more. */
    private static final double PAPER_PERCENTILE = 0.9;

    private Illumination() {}

    /**
     * The page with its paper made evenly white, or the same instance when its light is already even.
     *
     * @param gray an 8-bit grey image with a packed raster
     */
    static BufferedImage flatten(BufferedImage gray, int dpi) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        // Wider than a line of body text is tall, so most cells hold some bare paper.
        int cell = Math.max(16, dpi / 5);
        int gw = (w + cell - 1) / cell;
        int gh = (h + cell - 1) / cell;
        if (gw < 3 || gh < 3) {
            return gray;
        }
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int[][] paper = paperGrid(px, w, h, cell, gw, gh);
        int min = 255;
        int max = 0;
        for (int[] row : paper) {
            for (int v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max - min < MIN_SPREAD) {
            return gray;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        float[] rowPaper = new float[gw];
        for (int y = 0; y < h; y++) {
            // Bilinear between cell centres: first along y for every grid column, then along x.
            float gy = Math.max(0, Math.min(gh - 1, (y + 0.5f) / cell - 0.5f));
            int y0 = (int) gy;
            int y1 = Math.min(gh - 1, y0 + 1);
            float fy = gy - y0;
            for (int gx = 0; gx < gw; gx++) {
                rowPaper[gx] = paper[y0][gx] * (1 - fy) + paper[y1][gx] * fy;
            }
            int base = y * w;
            for (int x = 0; x < w; x++) {
                float gx = Math.max(0, Math.min(gw - 1, (x + 0.5f) / cell - 0.5f));
                int x0 = (int) gx;
                int x1 = Math.min(gw - 1, x0 + 1);
                float fx = gx - x0;
                float bg = rowPaper[x0] * (1 - fx) + rowPaper[x1] * fx;
                int v = Math.round((px[base + x] & 0xFF) * 255f / Math.max(1f, bg));
                dst[base + x] = (byte) Math.min(255, v);
            }
        }
        return out;
    }

    /**
     * Paper brightness per cell: a bright percentile of the cell, then the brightest of each cell's
     * neighbourhood (a cell full of ink borrows its neighbours' paper) and a mean to smooth the steps.
     */
    private static int[][] paperGrid(byte[] px, int w, int h, int cell, int gw, int gh) {
        int[][] raw = new int[gh][gw];
        int[] hist = new int[256];
        int step = Math.max(1, cell / 16);
        for (int cy = 0; cy < gh; cy++) {
            for (int cx = 0; cx < gw; cx++) {
                java.util.Arrays.fill(hist, 0);
                int n = 0;
                for (int y = cy * cell; y < Math.min(h, (cy + 1) * cell); y += step) {
                    for (int x = cx * cell; x < Math.min(w, (cx + 1) * cell); x += step) {
                        hist[px[y * w + x] & 0xFF]++;
                        n++;
                    }
                }
                int target = (int) (n * PAPER_PERCENTILE);
                int seen = 0;
                int v = 0;
                while (v < 255 && seen + hist[v] <= target) {
                    seen += hist[v];
                    v++;
                }
                raw[cy][cx] = v;
            }
        }
        int[][] widened = neighbourhood(raw, gw, gh, true);
        return neighbourhood(widened, gw, gh, false);
    }

    /** The maximum (or the mean) of each cell's 3×3 neighbourhood. */
    private static int[][] neighbourhood(int[][] grid, int gw, int gh, boolean maximum) {
        int[][] out = new int[gh][gw];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                int best = 0;
                int sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < gh && xx >= 0 && xx < gw) {
                            best = Math.max(best, grid[yy][xx]);
                            sum += grid[yy][xx];
                            n++;
                        }
                    }
                }
                out[y][x] = maximum ? best : sum / n;
            }
        }
        return out;
    }
}
