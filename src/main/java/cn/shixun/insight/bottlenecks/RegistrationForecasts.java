package cn.shixun.insight.bottlenecks;

import cn.shixun.annual.AnnualCalendar;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.organisation.Organisations;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The forecast of each county in scope (issue 13 item 4, {@link Forecast}): its open annual-registration cases (a
 * task open at its schools or itself; a case with two open tasks counts once), the approvals of the last 14 days, and the registration deadline of its profile's notice
 * ({@link AnnualCalendar}, R-33) for the year of {@code today}. Flagged counties first.
 */
@Component
class RegistrationForecasts {

    record County(Long id, String code, String name, long open, long approvedInWindow, LocalDate deadline,
                  Forecast forecast) {
    }

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final AnnualCalendar calendar;

    RegistrationForecasts(JdbcTemplate jdbc, Organisations organisations, AnnualCalendar calendar) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.calendar = calendar;
    }

    List<County> counties(String scopePath, Instant now, LocalDate today) {
        Timestamp windowStart = Timestamp.from(now.minus(Forecast.WINDOW_DAYS, ChronoUnit.DAYS));
        return jdbc.query("SELECT id, code, name, path FROM organisation WHERE level = 'COUNTY' AND path LIKE ?"
                        + " ORDER BY code", (rs, n) -> {
                    long id = rs.getLong(1);
                    String path = rs.getString(4);
                    // A case with two tasks open at once (parallel, escalated) is still one registration to finish.
                    long open = count("DISTINCT process_instance_id", "ended_at IS NULL", path);
                    long approved = count("*", "outcome = 'APPROVED' AND ended_at >= ?", path, windowStart);
                    LocalDate deadline = deadline(id, today);
                    return new County(id, rs.getString(2), rs.getString(3), open, approved, deadline,
                            Forecast.of(open, approved, today, deadline));
                }, TaskWaits.like(scopePath)).stream()
                .sorted(Comparator.comparing((County c) -> !c.forecast().status().flagged())
                        .thenComparing(County::open, Comparator.reverseOrder()))
                .toList();
    }

    private long count(String what, String condition, String countyPath, Object... more) {
        Object[] args = new Object[more.length + 2];
        args[0] = AnnualRegistrations.PROCESS_KEY;
        System.arraycopy(more, 0, args, 1, more.length);
        args[args.length - 1] = TaskWaits.like(countyPath);
        return jdbc.queryForObject("SELECT COUNT(" + what + ") FROM task_wait WHERE process_key = ? AND " + condition
                + " AND organisation_path LIKE ?", Long.class, args);
    }

    private LocalDate deadline(long countyId, LocalDate today) {
        String profile = organisations.effectivePolicyProfile(countyId);
        return profile != null && calendar.configured(profile)
                ? calendar.of(profile, today.getYear(), false).registration() : null;
    }
}
