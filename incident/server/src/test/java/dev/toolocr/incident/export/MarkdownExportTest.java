package dev.toolocr.incident.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;

/** User text in the Markdown export renders as the characters typed, never as markup. */
class MarkdownExportTest {

    private static final Parser PARSER = Parser.builder().build();

    private static String html(String markdown) {
        return HtmlRenderer.builder().build().render(PARSER.parse(markdown));
    }

    private static String text(String markdown) {
        return TextContentRenderer.builder()
                .build()
                .render(PARSER.parse(markdown))
                .strip();
    }

    @Test
    void markupInUserTextStaysInertText() {
        String typed = "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>"
                + " <javascript:alert(4)> **bold** &lt;b&gt; `code` ![i](x.png)";
        String md = MarkdownExport.block(typed, "> ");
        String rendered = html(md);
        assertThat(rendered).doesNotContain("<script").doesNotContain("<img").doesNotContain("<a ");
        assertThat(rendered).doesNotContain("<strong>").doesNotContain("<code>").doesNotContain("href");
        assertThat(text(MarkdownExport.block(typed, ""))).isEqualTo(typed);
    }

    @Test
    void blockMarkersAtTheStartOfALineStayText() {
        for (String line : new String[] {
            "# not a heading",
            "- not a list",
            "1. not numbered",
            "> not a quote",
            "---",
            "=== ",
            "+ plus",
            "    not code"
        }) {
            String rendered = html(MarkdownExport.block(line, ""));
            assertThat(rendered).as(line).startsWith("<p>");
            assertThat(text(MarkdownExport.block(line, ""))).as(line).isEqualTo(line.strip());
        }
    }

    @Test
    void aTableCellCannotBeEndedOrBrokenByUserText() {
        String cell = MarkdownExport.cell("a | b\nc");
        assertThat(cell).isEqualTo("a \\| b c");
    }
}
