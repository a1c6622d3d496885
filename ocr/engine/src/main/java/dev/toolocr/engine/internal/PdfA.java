package dev.toolocr.engine.internal;

import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * PDF/A-2b for the searchable PDF: XMP metadata agreeing with the document information, an sRGB
 * output intent (the JDK's own sRGB profile, so nothing has to be shipped), and a file identifier.
 * The text layer's font is embedded and drawn invisibly, images are opaque RGB, grey or bi-level,
 * so pages the engine builds conform. A PDF input's own pages are kept as they are, so only sources
 * already free of what PDF/A forbids or cannot verify cheaply are accepted ({@link #checkSource}).
 */
final class PdfA {

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String PRODUCER = "Tool_OCR";
    private static final int MAX_FORM_DEPTH = 32;

    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private PdfA() {}

    /**
     * Refuses a PDF input whose kept pages would break PDF/A-2b: encryption, fonts that are not
     * embedded, device CMYK or spot colour images next to an sRGB intent, annotations and forms
     * (which need appearance and flag checks this class does not make), XFA, JavaScript, LZW
     * streams, transfer functions. Scanned documents, the case the option is for, pass. What
     * does not change how a page looks is repaired instead: image interpolation hints, empty or
     * oversized art/bleed/trim boxes, unnamed optional content configurations.
     */
    static void checkSource(PDDocument source) throws OcrException {
        Set<String> problems = new TreeSet<>();
        if (source.isEncrypted()) {
            problems.add("it is encrypted");
        }
        PDDocumentCatalog catalog = source.getDocumentCatalog();
        COSDictionary root = catalog.getCOSObject();
        if (root.containsKey(COSName.ACRO_FORM)) {
            problems.add("it has a form");
        }
        if (root.getBoolean(COSName.getPDFName("NeedsRendering"), false)) {
            problems.add("it is an XFA form");
        }
        COSDictionary names = root.getCOSDictionary(COSName.NAMES);
        // An open action that only goes to a page (a destination array, or a GoTo) is allowed.
        if (root.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary action
                        && !COSName.getPDFName("GoTo").equals(action.getCOSName(COSName.S))
                || root.containsKey(COSName.AA)
                || names != null && names.containsKey(COSName.JAVA_SCRIPT)) {
            problems.add("it runs actions or JavaScript");
        }
        Set<COSBase> seen = new HashSet<>();
        for (PDPage page : source.getPages()) {
            if (page.getCOSObject().containsKey(COSName.ANNOTS)
                    && page.getCOSObject().getCOSArray(COSName.ANNOTS) != null
                    && page.getCOSObject().getCOSArray(COSName.ANNOTS).size() > 0) {
                problems.add("it has annotations or links");
            }
            PDResources resources = page.getResources();
            if (resources != null) {
                checkResources(resources.getCOSObject(), problems, seen, 0);
            }
            if (paintsDeviceCmyk(page)) {
                problems.add("it paints in device CMYK colours");
            }
            if (!sizeAllowed(page.getMediaBox()) || !sizeAllowed(page.getCropBox())) {
                problems.add("its page size is outside what PDF/A allows");
            }
        }
        if (!problems.isEmpty()) {
            throw new OcrException(
                    ErrorCode.PDFA_NOT_POSSIBLE,
                    "This PDF cannot be made PDF/A without changing its pages: " + String.join(", ", problems) + ".");
        }
        repair(source);
    }

    /** PDF/A bounds every page box to 3..14,400 units a side. */
    private static boolean sizeAllowed(PDRectangle box) {
        return box.getWidth() >= 3 && box.getHeight() >= 3 && box.getWidth() <= 14_400 && box.getHeight() <= 14_400;
    }

    private static void repair(PDDocument source) {
        for (PDPage page : source.getPages()) {
            // Art, bleed and trim boxes only describe the page for print production; a degenerate one goes.
            for (COSName key : List.of(COSName.ART_BOX, COSName.BLEED_BOX, COSName.TRIM_BOX)) {
                COSArray box = page.getCOSObject().getCOSArray(key);
                if (box != null && (box.size() != 4 || !sizeAllowed(new PDRectangle(box)))) {
                    page.getCOSObject().removeItem(key);
                }
            }
        }
        Set<COSBase> seen = new HashSet<>();
        for (PDPage page : source.getPages()) {
            if (page.getResources() != null) {
                dropInterpolation(page.getResources().getCOSObject(), seen);
            }
        }
        COSDictionary ocProperties = source.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.OCPROPERTIES);
        if (ocProperties != null) {
            List<COSDictionary> configs = new ArrayList<>();
            if (ocProperties.getCOSDictionary(COSName.D) != null) {
                configs.add(ocProperties.getCOSDictionary(COSName.D));
            }
            COSArray more = ocProperties.getCOSArray(COSName.getPDFName("Configs"));
            for (int i = 0; more != null && i < more.size(); i++) {
                if (more.getObject(i) instanceof COSDictionary config) {
                    configs.add(config);
                }
            }
            for (int i = 0; i < configs.size(); i++) {
                if (!configs.get(i).containsKey(COSName.NAME)) {
                    configs.get(i).setString(COSName.NAME, "Configuration " + (i + 1));
                }
            }
        }
    }

    /** The XObjects named by {@code resources} not met before (forms may share them, or loop). */
    private static List<COSStream> unseenXObjects(COSDictionary resources, Set<COSBase> seen) {
        COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xobjects == null) {
            return List.of();
        }
        List<COSStream> unseen = new ArrayList<>();
        for (COSName key : xobjects.keySet()) {
            if (xobjects.getDictionaryObject(key) instanceof COSStream xobject && seen.add(xobject)) {
                unseen.add(xobject);
            }
        }
        return unseen;
    }

    /** Interpolation is a smoothing hint PDF/A forbids; without it images show as they are. */
    private static void dropInterpolation(COSDictionary resources, Set<COSBase> seen) {
        if (!seen.add(resources)) {
            return;
        }
        for (COSStream xobject : unseenXObjects(resources, seen)) {
            xobject.removeItem(COSName.INTERPOLATE);
            if (xobject.getDictionaryObject(COSName.SMASK) instanceof COSStream mask) {
                mask.removeItem(COSName.INTERPOLATE);
            }
            if (xobject.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary inner) {
                dropInterpolation(inner, seen);
            }
        }
    }

    private static void checkResources(COSDictionary resources, Set<String> problems, Set<COSBase> seen, int depth) {
        if (!seen.add(resources)) {
            return;
        }
        if (depth > MAX_FORM_DEPTH) {
            // Walked by recursion, like the renderer does; a chain this deep would only exhaust the stack.
            problems.add("it nests forms more than " + MAX_FORM_DEPTH + " levels deep");
            return;
        }
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName key : fonts.keySet()) {
                if (fonts.getDictionaryObject(key) instanceof COSDictionary font && !embedded(font)) {
                    problems.add("it uses fonts that are not embedded");
                }
            }
        }
        for (COSName category : List.of(COSName.COLORSPACE, COSName.SHADING, COSName.PATTERN)) {
            COSDictionary entries = resources.getCOSDictionary(category);
            if (entries != null && namesDeviceCmyk(entries, 0)) {
                problems.add("it paints in device CMYK colours");
            }
        }
        COSDictionary states = resources.getCOSDictionary(COSName.EXT_G_STATE);
        if (states != null) {
            for (COSName key : states.keySet()) {
                if (states.getDictionaryObject(key) instanceof COSDictionary state && changesTransfer(state)) {
                    problems.add("it uses transfer functions or halftones");
                }
            }
        }
        for (COSStream xobject : unseenXObjects(resources, seen)) {
            if (usesLzw(xobject)) {
                problems.add("it has LZW-compressed content");
            }
            if (COSName.IMAGE.equals(xobject.getCOSName(COSName.SUBTYPE))) {
                COSBase cs = xobject.getDictionaryObject(COSName.COLORSPACE);
                if (COSName.DEVICECMYK.equals(cs)
                        || cs instanceof COSArray array
                                && array.size() > 0
                                && (COSName.SEPARATION.equals(array.getObject(0))
                                        || COSName.DEVICEN.equals(array.getObject(0)))) {
                    problems.add("it has CMYK or spot colour images");
                }
            } else {
                if (paintsDeviceCmyk(new PDFormXObject(xobject))) {
                    problems.add("it paints in device CMYK colours");
                }
                if (xobject.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary inner) {
                    checkResources(inner, problems, seen, depth + 1);
                }
            }
        }
    }

    /**
     * An sRGB output intent leaves device CMYK undefined, so PDF/A forbids it: set by the k and K
     * operators, named by cs/CS, or in an inline image.
     */
    private static boolean paintsDeviceCmyk(PDContentStream content) {
        COSName cmyk = COSName.getPDFName("CMYK");
        PDFStreamParser parser = null;
        try {
            parser = new PDFStreamParser(content);
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op) {
                    if (op.getName().equals("k") || op.getName().equals("K")) {
                        return true;
                    }
                    COSDictionary image = op.getImageParameters();
                    if (image != null) {
                        COSBase cs = image.getDictionaryObject(COSName.CS, COSName.COLORSPACE);
                        if (COSName.DEVICECMYK.equals(cs) || cmyk.equals(cs)) {
                            return true;
                        }
                    }
                } else if (COSName.DEVICECMYK.equals(token)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            // Content PDFBox cannot parse is left to viewers as it is; it paints nothing we could check.
            return false;
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // Reading from memory or the document's own cache; nothing to release on failure.
                }
            }
        }
    }

    /** Whether a colour space, shading or pattern (or a few levels inside one) names device CMYK. */
    private static boolean namesDeviceCmyk(COSBase value, int depth) {
        if (depth > 4 || value == null) {
            return false;
        }
        if (value instanceof COSObject indirect) {
            return namesDeviceCmyk(indirect.getObject(), depth);
        }
        if (COSName.DEVICECMYK.equals(value)) {
            return true;
        }
        if (value instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (namesDeviceCmyk(array.getObject(i), depth + 1)) {
                    return true;
                }
            }
        } else if (value instanceof COSDictionary dict) {
            for (COSName key : dict.keySet()) {
                if (!COSName.PARENT.equals(key)
                        && !COSName.RESOURCES.equals(key)
                        && namesDeviceCmyk(dict.getDictionaryObject(key), depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the graphics state sets a transfer function or halftone PDF/A forbids. An identity
     * transfer function changes nothing, so it is dropped instead.
     */
    private static boolean changesTransfer(COSDictionary state) {
        COSName identity = COSName.getPDFName("Identity");
        if (identity.equals(state.getDictionaryObject(COSName.TR))) {
            state.removeItem(COSName.TR);
        }
        COSBase tr2 = state.getDictionaryObject(COSName.TR2);
        if (identity.equals(tr2)) {
            state.removeItem(COSName.TR2);
            tr2 = null;
        }
        return state.containsKey(COSName.TR)
                || tr2 != null && !COSName.DEFAULT.equals(tr2)
                || state.containsKey(COSName.getPDFName("HTP"));
    }

    private static boolean embedded(COSDictionary font) {
        if (COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))) {
            return true;
        }
        COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
        if (COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
            COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
            descriptor = descendants != null && descendants.getObject(0) instanceof COSDictionary cid
                    ? cid.getCOSDictionary(COSName.FONT_DESC)
                    : null;
        }
        return descriptor != null
                && (descriptor.containsKey(COSName.FONT_FILE)
                        || descriptor.containsKey(COSName.FONT_FILE2)
                        || descriptor.containsKey(COSName.FONT_FILE3));
    }

    private static boolean usesLzw(COSStream stream) {
        COSBase filter = stream.getFilters();
        if (filter instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (COSName.LZW_DECODE.equals(array.getObject(i))) {
                    return true;
                }
            }
            return false;
        }
        return COSName.LZW_DECODE.equals(filter);
    }

    /** Makes {@code document} claim and meet PDF/A-2b; {@code now} stamps new documents. */
    static void apply(PDDocument document, Calendar now) throws IOException {
        document.setVersion(1.7f);
        PDDocumentInformation info = document.getDocumentInformation();
        // XMP must repeat each information entry exactly; rewriting the dates fixes their form.
        Calendar created = info.getCreationDate() != null ? info.getCreationDate() : now;
        info.setCreationDate(created);
        info.setModificationDate(now);
        info.setProducer(PRODUCER);
        info.setTrapped(null);
        info.getCOSObject().removeItem(COSName.TRAPPED);
        document.setDocumentInformation(info);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        try (OutputStream out = metadata.getCOSObject().createOutputStream()) {
            out.write(xmp(info, created, now).getBytes(StandardCharsets.UTF_8));
        }
        catalog.setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(
                document,
                new ByteArrayInputStream(
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        // A source's own intents (PDF/X, an older PDF/A) could name a different profile, which PDF/A forbids.
        catalog.getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
        catalog.addOutputIntent(intent);

        COSArray id = new COSArray();
        COSString first = new COSString(fileId(info, now));
        id.add(first);
        id.add(first);
        document.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    private static String xmp(PDDocumentInformation info, Calendar created, Calendar modified) {
        List<String> props = new ArrayList<>();
        props.add(element("pdfaid:part", "2"));
        props.add(element("pdfaid:conformance", "B"));
        props.add(element("xmp:CreateDate", date(created)));
        props.add(element("xmp:ModifyDate", date(modified)));
        props.add(element("pdf:Producer", PRODUCER));
        if (info.getCreator() != null) {
            props.add(element("xmp:CreatorTool", info.getCreator()));
        }
        if (info.getKeywords() != null) {
            props.add(element("pdf:Keywords", info.getKeywords()));
        }
        if (info.getTitle() != null) {
            props.add(alt("dc:title", info.getTitle()));
        }
        if (info.getSubject() != null) {
            props.add(alt("dc:description", info.getSubject()));
        }
        if (info.getAuthor() != null) {
            props.add("<dc:creator><rdf:Seq><rdf:li>" + escape(info.getAuthor()) + "</rdf:li></rdf:Seq></dc:creator>");
        }
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\""
                + " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + String.join("\n", props)
                + "\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    private static String alt(String name, String value) {
        return "<" + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(value) + "</rdf:li></rdf:Alt></" + name
                + ">";
    }

    private static String date(Calendar calendar) {
        return ZonedDateTime.ofInstant(
                        calendar.toInstant(),
                        ZoneOffset.ofTotalSeconds(calendar.getTimeZone().getOffset(calendar.getTimeInMillis()) / 1000))
                .format(XMP_DATE);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static byte[] fileId(PDDocumentInformation info, Calendar now) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(Long.toString(now.getTimeInMillis()).getBytes(StandardCharsets.US_ASCII));
            md5.update(String.valueOf(info.getTitle()).getBytes(StandardCharsets.UTF_8));
            md5.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
