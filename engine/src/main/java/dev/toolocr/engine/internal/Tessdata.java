package dev.toolocr.engine.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds Tesseract language data: TESSDATA_PREFIX, then the system's usual directories. */
public final class Tessdata {

    private Tessdata() {}

    public static Path locate() {
        List<Path> candidates = new ArrayList<>();
        String prefix = System.getenv("TESSDATA_PREFIX");
        if (prefix != null && !prefix.isBlank()) {
            candidates.add(Path.of(prefix));
            candidates.add(Path.of(prefix, "tessdata"));
        }
        candidates.add(Path.of("/usr/share/tesseract-ocr/5/tessdata"));
        candidates.add(Path.of("/usr/share/tesseract-ocr/4.00/tessdata"));
        candidates.add(Path.of("/usr/share/tessdata"));
        candidates.add(Path.of("/usr/local/share/tessdata"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("eng.traineddata"))
                    || Files.isRegularFile(p.resolve("osd.traineddata"))) {
                return p;
            }
        }
        // Nothing found: the first candidate makes every language report itself as not installed.
        return candidates.get(0);
    }
}
