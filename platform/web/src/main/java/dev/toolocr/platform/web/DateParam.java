package dev.toolocr.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A {@code date_from}/{@code date_to} query parameter: a calendar day ({@code 2026-11-22}, a UTC
 * day) or an ISO-8601 timestamp ({@code 2026-11-21T16:00:00Z}, with an offset, or UTC without one).
 * Clients in other time zones send timestamps so that "a day" means their own day.
 */
public final class DateParam {

    private DateParam() {}

    /**
     * The instant a range starts at ({@code end=false}, inclusive) or ends before ({@code end=true},
     * exclusive: the day after a day, the microsecond after a timestamp); null when blank.
     */
    public static Instant parse(String value, boolean end, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            Instant instant = v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(v).toInstant()
                    : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            return end ? instant.plusNanos(1000) : instant;
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ProblemType.VALIDATION_FAILED,
                    name + " must be a date (2026-11-22) or an ISO-8601 timestamp (2026-11-21T16:00:00Z).");
        }
    }
}
