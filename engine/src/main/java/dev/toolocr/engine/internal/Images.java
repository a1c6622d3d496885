package dev.toolocr.engine.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

final class Images {

    private Images() {}

    /** 8-bit grayscale with a packed raster (one byte per pixel, no row padding), white behind transparency. */
    static BufferedImage toGray(BufferedImage source) {
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
}
