package dev.toolocr.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV (RFC 4180, UTF-8, CRLF) written row by row onto a stream, for exports that must not be held
 * in memory. Cells are quoted and spreadsheet formulas defused by {@link Csv#cell}: user agents, file
 * names and e-mails are chosen by whoever sent them.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** The header: our own column names, written as they are. */
    public CsvWriter header(List<String> columns) {
        return line(String.join(",", columns));
    }

    /** One record; null cells are empty. Unchecked, so it can be called from a row callback. */
    public CsvWriter row(List<String> cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(Csv.cell(cells.get(i)));
        }
        return line(row.toString());
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvWriter line(String text) {
        try {
            out.write(text);
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
