package dev.toolocr.engine;

import java.nio.file.Path;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Runs veraPDF, the reference PDF/A validator, over a file; lists every failed check. */
final class PdfAValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidation() {}

    /** Each failed assertion as "clause-test: message", empty when the file conforms to PDF/A-2b. */
    static List<String> failuresAgainst2b(Path pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")")
                    .distinct()
                    .toList();
            if (!result.isCompliant() && failures.isEmpty()) {
                return List.of("not compliant, job status " + result.getJobEndStatus());
            }
            return failures;
        }
    }
}
