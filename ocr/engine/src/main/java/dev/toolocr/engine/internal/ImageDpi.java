package dev.toolocr.engine.internal;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** The resolution an image declares (standard ImageIO metadata), or 300 when it declares none. */
final class ImageDpi {

    static final int DEFAULT = 300;

    private ImageDpi() {}

    static int of(ImageReader reader, int index) {
        try {
            IIOMetadata meta = reader.getImageMetadata(index);
            if (meta == null || !meta.isStandardMetadataFormatSupported()) {
                return DEFAULT;
            }
            Node root = meta.getAsTree("javax_imageio_1.0");
            Float mm = pixelSizeMm(root);
            if (mm == null || mm <= 0) {
                return DEFAULT;
            }
            int dpi = Math.round(25.4f / mm);
            return dpi >= 50 && dpi <= 2400 ? dpi : DEFAULT;
        } catch (Exception e) {
            return DEFAULT;
        }
    }

    private static Float pixelSizeMm(Node node) {
        if ("HorizontalPixelSize".equals(node.getNodeName())) {
            NamedNodeMap attrs = node.getAttributes();
            Node value = attrs == null ? null : attrs.getNamedItem("value");
            return value == null ? null : Float.parseFloat(value.getNodeValue());
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Float found = pixelSizeMm(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
