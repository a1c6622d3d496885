package dev.toolocr.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProblemTypesTest {

    private final ProblemTypes types = new ProblemTypes(new WebProperties("urn:acme:problem:"));

    @Test
    void putsTheApplicationsBaseInFrontOfASlug() {
        assertThat(types.resolve(ProblemType.NOT_FOUND.uri())).isEqualTo(URI.create("urn:acme:problem:not-found"));
        assertThat(types.resolve(ProblemType.custom("task-limit-reached")))
                .isEqualTo(URI.create("urn:acme:problem:task-limit-reached"));
        assertThat(types.of("unauthenticated")).isEqualTo(URI.create("urn:acme:problem:unauthenticated"));
    }

    @Test
    void leavesAbsoluteTypesAloneAndNeverAnswersAboutBlank() {
        assertThat(types.resolve(URI.create("https://example.com/probs/out-of-credit")))
                .isEqualTo(URI.create("https://example.com/probs/out-of-credit"));
        assertThat(types.resolve(URI.create("about:blank"))).isEqualTo(URI.create("urn:acme:problem:internal-error"));
    }
}
