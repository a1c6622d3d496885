package dev.toolocr.incident.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Incidents with known figures, written straight into the rooms table with exact timestamps on one
 * day that nothing else uses, and the answers worked out by hand (linear interpolation between ranks,
 * as PostgreSQL's percentile_cont):
 *
 * <pre>
 * room line category     severity status       visibility  ack s  resolve s
 * r1   A    machine_down high     closed       open          60     600
 * r2   A    machine_down critical resolved     open         120    1200
 * r3   A    machine_down medium   in_progress  open         180       -
 * r4   A    quality      low      acknowledged open         240       -
 * r5   B    quality      high     closed       open          30     300
 * r6   B    material     medium   open         open           -       -
 * r7   B    machine_down high     resolved     open         600    3000
 * r8   B    safety       critical cancelled    open           -       -
 * r9   B    other        low      acknowledged restricted    10       -   (readable by admins and members)
 * </pre>
 */
public final class StatsSeed {

    public final String lineA;
    public final String lineB;
    public final LocalDate day;
    public final String restrictedRoom;

    private StatsSeed(String lineA, String lineB, LocalDate day, String restrictedRoom) {
        this.lineA = lineA;
        this.lineB = lineB;
        this.day = day;
        this.restrictedRoom = restrictedRoom;
    }

    /** Writes the set into {@code prefix}rooms on a day of 1990–2009 picked at random. */
    public static StatsSeed write(JdbcTemplate jdbc, String prefix) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays((long) (Math.random() * 7000));
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
        String a = "Stats-A-" + tag;
        String b = "Stats-B-" + tag;
        List<Object[]> rooms = new ArrayList<>();
        rooms.add(row(a, "machine_down", "high", "closed", "open", 60L, 600L));
        rooms.add(row(a, "machine_down", "critical", "resolved", "open", 120L, 1200L));
        rooms.add(row(a, "machine_down", "medium", "in_progress", "open", 180L, null));
        rooms.add(row(a, "quality", "low", "acknowledged", "open", 240L, null));
        rooms.add(row(b, "quality", "high", "closed", "open", 30L, 300L));
        rooms.add(row(b, "material", "medium", "open", "open", null, null));
        rooms.add(row(b, "machine_down", "high", "resolved", "open", 600L, 3000L));
        rooms.add(row(b, "safety", "critical", "cancelled", "open", null, null));
        rooms.add(row(b, "other", "low", "acknowledged", "restricted", 10L, null));
        String restricted = null;
        int minute = 0;
        for (Object[] r : rooms) {
            String id = UUID.randomUUID().toString();
            Instant reported = start.plus(Duration.ofMinutes(minute++));
            Long ack = (Long) r[5];
            Long resolve = (Long) r[6];
            String status = (String) r[3];
            jdbc.update(
                    "insert into " + prefix + "rooms (id, title, line, category, severity, severity_rank, visibility,"
                            + " status, status_rank, created_by, reported_at, acknowledged_at, resolved_at,"
                            + " closed_at, cancelled_at, resolution, updated_at, last_seq)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    id,
                    "Seeded " + status,
                    r[0],
                    r[1],
                    r[2],
                    List.of("critical", "high", "medium", "low").indexOf((String) r[2]),
                    r[4],
                    status,
                    List.of("open", "acknowledged", "in_progress", "resolved", "closed", "cancelled")
                            .indexOf(status),
                    UUID.randomUUID().toString(),
                    utc(reported),
                    ack == null ? null : utc(reported.plusSeconds(ack)),
                    resolve == null ? null : utc(reported.plusSeconds(resolve)),
                    status.equals("closed") ? utc(reported.plusSeconds(resolve + 60)) : null,
                    status.equals("cancelled") ? utc(reported.plusSeconds(90)) : null,
                    resolve == null ? null : "fixed",
                    utc(reported));
            if ("restricted".equals(r[4])) {
                restricted = id;
            }
        }
        return new StatsSeed(a, b, day, restricted);
    }

    /** Makes {@code email} a viewer of the restricted incident. */
    public void addMember(JdbcTemplate jdbc, String prefix, String email) {
        jdbc.update(
                "insert into " + prefix + "room_members (id, room_id, email, role, joined_at, read_seq)"
                        + " values (?, ?, ?, 'viewer', ?, 0)",
                UUID.randomUUID().toString(),
                restrictedRoom,
                email.toLowerCase(java.util.Locale.ROOT),
                utc(Instant.now()));
    }

    /** The figures of r1–r8, as someone who may not read r9 gets them for the seeded day. */
    public void assertReadableFigures(JsonNode stats) {
        assertThat(stats.path("total").asLong()).isEqualTo(8);
        assertCounts(
                stats.path("by_status"),
                "open",
                1,
                "acknowledged",
                1,
                "in_progress",
                1,
                "resolved",
                2,
                "closed",
                2,
                "cancelled",
                1);
        assertCounts(stats.path("by_severity"), "critical", 2, "high", 3, "medium", 2, "low", 1);
        assertCounts(
                stats.path("by_category"), "machine_down", 4, "quality", 2, "material", 1, "safety", 1, "other", 0);

        JsonNode overall = stats.path("overall");
        assertThat(overall.path("count").asLong()).isEqualTo(8);
        assertFigure(overall.path("time_to_acknowledge_s"), 6, 150.0, 420.0);
        assertFigure(overall.path("time_to_resolve_s"), 4, 900.0, 2460.0);

        JsonNode lines = stats.path("per_line");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("line").asText()).isEqualTo(lineA);
        assertThat(lines.get(0).path("count").asLong()).isEqualTo(4);
        assertFigure(lines.get(0).path("time_to_acknowledge_s"), 4, 150.0, 222.0);
        assertFigure(lines.get(0).path("time_to_resolve_s"), 2, 900.0, 1140.0);
        assertThat(lines.get(1).path("line").asText()).isEqualTo(lineB);
        assertFigure(lines.get(1).path("time_to_acknowledge_s"), 2, 315.0, 543.0);
        assertFigure(lines.get(1).path("time_to_resolve_s"), 2, 1650.0, 2730.0);

        JsonNode machine = category(stats, "machine_down");
        assertThat(machine.path("count").asLong()).isEqualTo(4);
        assertFigure(machine.path("time_to_acknowledge_s"), 4, 150.0, 474.0);
        assertFigure(machine.path("time_to_resolve_s"), 3, 1200.0, 2640.0);
        JsonNode quality = category(stats, "quality");
        assertFigure(quality.path("time_to_acknowledge_s"), 2, 135.0, 219.0);
        assertFigure(quality.path("time_to_resolve_s"), 1, 300.0, 300.0);
        JsonNode material = category(stats, "material");
        assertThat(material.path("count").asLong()).isEqualTo(1);
        assertFigure(material.path("time_to_acknowledge_s"), 0, null, null);

        JsonNode pareto = stats.path("pareto");
        assertThat(pareto).hasSize(4);
        assertPareto(pareto.get(0), "machine_down", 4, 0.5, 0.5);
        assertPareto(pareto.get(1), "quality", 2, 0.25, 0.75);
        assertPareto(pareto.get(2), "material", 1, 0.125, 0.875);
        assertPareto(pareto.get(3), "safety", 1, 0.125, 1.0);
    }

    /** With r9 readable (an admin, or a member of it): nine incidents, "other" among them. */
    public void assertAllFigures(JsonNode stats) {
        assertThat(stats.path("total").asLong()).isEqualTo(9);
        assertThat(stats.path("by_category").path("other").asLong()).isEqualTo(1);
        assertFigure(stats.path("overall").path("time_to_acknowledge_s"), 7, 120.0, 384.0);
        assertThat(stats.path("pareto").get(4).path("category").asText()).isEqualTo("other");
        assertThat(stats.path("pareto").get(4).path("cumulative_share").asDouble())
                .isEqualTo(1.0);
    }

    private static JsonNode category(JsonNode stats, String code) {
        for (JsonNode c : stats.path("per_category")) {
            if (c.path("category").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no category " + code + " in " + stats);
    }

    private static void assertCounts(JsonNode counts, Object... expected) {
        assertThat(counts.size()).as(counts.toString()).isEqualTo(expected.length / 2);
        for (int i = 0; i < expected.length; i += 2) {
            assertThat(counts.path((String) expected[i]).asLong())
                    .as("%s in %s", expected[i], counts)
                    .isEqualTo(((Integer) expected[i + 1]).longValue());
        }
    }

    private static void assertFigure(JsonNode figure, long count, Double median, Double p90) {
        assertThat(figure.path("count").asLong()).as(figure.toString()).isEqualTo(count);
        if (median == null) {
            assertThat(figure.path("median").isNull()).as(figure.toString()).isTrue();
            assertThat(figure.path("p90").isNull()).as(figure.toString()).isTrue();
        } else {
            assertThat(figure.path("median").asDouble()).as(figure.toString()).isCloseTo(median, within(1e-9));
            assertThat(figure.path("p90").asDouble()).as(figure.toString()).isCloseTo(p90, within(1e-9));
        }
    }

    private static void assertPareto(JsonNode entry, String category, long count, double share, double cumulative) {
        assertThat(entry.path("category").asText()).isEqualTo(category);
        assertThat(entry.path("count").asLong()).isEqualTo(count);
        assertThat(entry.path("share").asDouble()).isCloseTo(share, within(1e-9));
        assertThat(entry.path("cumulative_share").asDouble()).isCloseTo(cumulative, within(1e-9));
    }

    private static Object[] row(
            String line, String category, String severity, String status, String visibility, Long ack, Long resolve) {
        return new Object[] {line, category, severity, status, visibility, ack, resolve};
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
