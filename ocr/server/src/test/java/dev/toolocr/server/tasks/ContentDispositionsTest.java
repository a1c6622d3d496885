package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

    @Test
    void givesAsciiFallbackAndExactUtf8Name() {
        assertThat(ContentDispositions.attachment("報告 2026.pdf"))
                .isEqualTo("attachment; filename=\"__ 2026.pdf\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%202026.pdf");
    }

    @Test
    void neutralisesQuotesAndSeparatorsInTheFallback() {
        assertThat(ContentDispositions.attachment("a\"b;c.txt"))
                .startsWith("attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%3Bc.txt");
    }
}
