package dev.toolocr.incident.stats;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.DateParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/stats}: the supervisors' figures over the incidents the caller may read. */
@RestController
@RequestMapping("/api/v2/stats")
class StatsController {

    private final IncidentStats stats;

    StatsController(IncidentStats stats) {
        this.stats = stats;
    }

    /**
     * Incidents reported from {@code date_from} (inclusive) to {@code date_to} (a day includes itself,
     * a timestamp is inclusive), each a UTC day or an ISO-8601 timestamp; {@code line} any case.
     */
    @GetMapping("/incidents")
    IncidentStatsView incidents(
            CurrentUser user,
            @RequestParam(name = "date_from", required = false) String dateFrom,
            @RequestParam(name = "date_to", required = false) String dateTo,
            @RequestParam(required = false) String line) {
        return stats.incidents(
                user, DateParam.parse(dateFrom, false, "date_from"), DateParam.parse(dateTo, true, "date_to"), line);
    }
}
