package dev.toolocr.incident.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/v2/stats/incidents} over HTTP on a seeded set with figures worked out by hand. */
class IncidentStatsIT extends LiveServer {

    @Autowired
    private JdbcTemplate jdbc;

    private StatsSeed seed;

    @BeforeEach
    void seed() {
        seed = StatsSeed.write(jdbc, "irs_");
    }

    private Answer stats(Person as, String query) throws Exception {
        return call("GET", "/api/v2/stats/incidents?" + query, as, null);
    }

    private String day() {
        return "date_from=" + seed.day + "&date_to=" + seed.day;
    }

    @Test
    void figuresCoverTheIncidentsTheCallerMayRead() throws Exception {
        Person worker = person("Wu Worker");
        Answer answer = stats(worker, day());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        seed.assertReadableFigures(answer.json());
        assertThat(answer.json().path("from").asText()).isEqualTo(seed.day + "T00:00:00Z");
        assertThat(answer.json().path("before").asText()).isEqualTo(seed.day.plusDays(1) + "T00:00:00Z");
    }

    @Test
    void adminsAndMembersOfARestrictedIncidentCountItToo() throws Exception {
        seed.assertAllFigures(stats(admin(), day()).json());
        Person member = person("Xi Member");
        seed.addMember(jdbc, "irs_", member.email());
        seed.assertAllFigures(stats(member, day()).json());
    }

    @Test
    void aLineNarrowsEveryFigureToThatLineInAnyCase() throws Exception {
        JsonNode stats = stats(
                        person("Yu Lead"),
                        day() + "&line="
                                + URLEncoder.encode(seed.lineA.toUpperCase(Locale.ROOT), StandardCharsets.UTF_8))
                .json();
        assertThat(stats.path("total").asLong()).isEqualTo(4);
        assertThat(stats.path("per_line")).hasSize(1);
        assertThat(stats.path("overall")
                        .path("time_to_acknowledge_s")
                        .path("median")
                        .asDouble())
                .isEqualTo(150.0);
        assertThat(stats.path("pareto").get(0).path("category").asText()).isEqualTo("machine_down");
        assertThat(stats.path("pareto").get(0).path("share").asDouble()).isEqualTo(0.75);
    }

    @Test
    void badRangesAreRefusedAndAnonymousCallersTurnedAway() throws Exception {
        Person p = person("Zed Curious");
        Answer reversed = stats(p, "date_from=2026-02-01&date_to=2026-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.raw().headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(stats(p, "date_from=yesterday").status()).isEqualTo(400);
        assertThat(stats(p, "line=" + "x".repeat(121)).status()).isEqualTo(400);
        assertThat(stats(null, day()).status()).isEqualTo(401);
    }
}
