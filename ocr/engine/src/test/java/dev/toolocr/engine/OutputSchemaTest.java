package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.toolocr.engine.internal.Exporters;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON output against its published JSON Schema, checked by an independent validator. */
class OutputSchemaTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final OcrProcessor processor = SharedProcessor.get();
    static JsonNode schemaNode;
    static Schema schema;

    @TempDir
    Path out;

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = Exporters.class.getResourceAsStream(Exporters.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource on the classpath").isNotNull();
            schemaNode = MAPPER.readTree(in);
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("classpath:" + Exporters.SCHEMA_RESOURCE.substring(1)), schemaNode);
    }

    @Test
    void schemaIsValidDraft2020_12() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        assertThat(meta.validate(schemaNode)).isEmpty();
        assertThat(schemaNode.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void recognisedImageValidates() throws Exception {
        JsonNode json = run("linn.png");
        assertThat(errors(json)).isEmpty();
        assertThat(json.at("/pages/0/text_source").asText()).isEqualTo("ocr");
        assertThat(json.at("/pages/0/blocks/0/lines/0/words/0/text").asText()).isNotBlank();
    }

    @Test
    void pdfWithTextLayerAndTableValidates() throws Exception {
        JsonNode json = run("tagged.pdf");
        assertThat(errors(json)).isEmpty();
        assertThat(json.path("pages").findValuesAsText("text_source")).contains("pdf_text");
        // Its ruled table is found, so the tables part of the schema is checked on real output too.
        assertThat(json.at("/pages/0/tables/0/rows").size()).isGreaterThan(1);
    }

    @Test
    void multiPageScannedPdfValidates() throws Exception {
        JsonNode json = run("3small.pdf");
        assertThat(errors(json)).isEmpty();
        assertThat(json.path("pages").size()).isEqualTo(3);
        assertThat(json.at("/pages/2/number").asInt()).isEqualTo(3);
    }

    @Test
    void brokenDocumentsAreRejected() throws Exception {
        JsonNode good = run("linn.png");
        assertThat(errors(good)).isEmpty();

        ObjectNode noBbox = good.deepCopy();
        ((ObjectNode) noBbox.at("/pages/0/blocks/0/lines/0/words/0")).remove("bbox");
        assertThat(errors(noBbox)).anySatisfy(e -> assertThat(e).contains("bbox"));

        ObjectNode badConfidence = good.deepCopy();
        ((ObjectNode) badConfidence.at("/pages/0/blocks/0/lines/0")).put("confidence", 1.5);
        assertThat(errors(badConfidence)).anySatisfy(e -> assertThat(e).contains("confidence"));

        ObjectNode negativeConfidence = good.deepCopy();
        ((ObjectNode) negativeConfidence.at("/pages/0/blocks/0")).put("confidence", -0.01);
        assertThat(errors(negativeConfidence)).isNotEmpty();

        ObjectNode unknownField = good.deepCopy();
        ((ObjectNode) unknownField.at("/pages/0/blocks/0/lines/0/words/0")).put("font", "Arial");
        assertThat(errors(unknownField)).isNotEmpty();

        ObjectNode badRotation = good.deepCopy();
        ((ObjectNode) badRotation.at("/pages/0")).put("rotation", 45);
        assertThat(errors(badRotation)).isNotEmpty();

        ObjectNode noVersion = good.deepCopy();
        noVersion.remove("schema_version");
        assertThat(errors(noVersion)).isNotEmpty();
    }

    @Test
    void optionalTablesAreDescribedStrictly() throws Exception {
        JsonNode good = run("linn.png");
        ObjectNode withTable = good.deepCopy();
        String cell = "{\"bbox\":{\"x0\":10,\"y0\":10,\"x1\":50,\"y1\":30},\"text\":\"Qty\"}";
        ((ObjectNode) withTable.at("/pages/0"))
                .set(
                        "tables",
                        MAPPER.readTree("[{\"bbox\":{\"x0\":10,\"y0\":10,\"x1\":90,\"y1\":30},\"rows\":[[" + cell + ","
                                + cell + "]]}]"));
        assertThat(errors(withTable)).isEmpty();

        ObjectNode cellWithoutText = withTable.deepCopy();
        ((ObjectNode) cellWithoutText.at("/pages/0/tables/0/rows/0/0")).remove("text");
        assertThat(errors(cellWithoutText)).isNotEmpty();
    }

    private JsonNode run(String name) throws Exception {
        String base = name.substring(0, name.lastIndexOf('.'));
        processor.process(
                TestCorpus.file(name),
                name,
                OcrOptions.defaults().withFormats(EnumSet.of(OutputFormat.JSON)),
                out,
                base,
                (done, total) -> {},
                CancellationToken.NEVER);
        return MAPPER.readTree(out.resolve(base + ".json").toFile());
    }

    private static List<String> errors(JsonNode json) {
        return schema.validate(json).stream().map(Error::toString).toList();
    }
}
