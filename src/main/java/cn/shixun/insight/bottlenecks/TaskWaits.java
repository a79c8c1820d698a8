package cn.shixun.insight.bottlenecks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures from {@code task_wait}, each limited to the tasks routed to an organisation whose path
 * starts with the reader's scope. Waiting times count completed tasks only: a cancelled task was not worked.
 */
@Component
class TaskWaits {

    record OpenCount(String processKey, String level, Long organisationId, long open, long overdue, long escalated) {
    }

    record StepWaits(String processKey, String taskKey, String stepName, WaitStats week, WaitStats range,
                     long returned, long decided) {
    }

    record OrganisationWaits(Long organisationId, WaitStats range) {
    }

    record Waits(List<StepWaits> steps, List<OrganisationWaits> organisations) {
    }

    record Week(LocalDate monday, long started, long approved, long returned, long rejected) {
    }

    private final JdbcTemplate jdbc;
    private final ClosedWeeks closedWeeks;

    TaskWaits(JdbcTemplate jdbc, ClosedWeeks closedWeeks) {
        this.jdbc = jdbc;
        this.closedWeeks = closedWeeks;
    }

    /** Open tasks by procedure × level × organisation, with those past their due date and those escalated. */
    List<OpenCount> open(String scopePath, Instant now) {
        return jdbc.query("SELECT process_key, level, organisation_id, COUNT(*),"
                        + " SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), SUM(CASE WHEN escalated THEN 1 ELSE 0 END)"
                        + " FROM task_wait WHERE ended_at IS NULL AND organisation_path LIKE ?"
                        + " GROUP BY process_key, level, organisation_id ORDER BY COUNT(*) DESC",
                (rs, n) -> new OpenCount(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)), Timestamp.from(now), like(scopePath));
    }

    /** Waits of the tasks ended between the days, per step and per organisation, the slowest (90th percentile) first. */
    Waits waits(String scopePath, LocalDate from, LocalDate to, LocalDate thisWeek) {
        Map<List<String>, WaitSample> steps = new LinkedHashMap<>();
        Map<List<String>, WaitSample> stepsThisWeek = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<Long, WaitSample> organisations = new LinkedHashMap<>();
        jdbc.query("SELECT process_key, task_key, step_name, organisation_id, ended_week, wait_seconds, outcome"
                + " FROM task_wait WHERE" + within("ended", from, to) + " AND outcome <> 'CANCELLED'", rs -> {
            List<String> step = List.of(rs.getString(1), rs.getString(2));
            names.put(step.get(0) + "/" + step.get(1), rs.getString(3));
            long wait = rs.getLong(6);
            String outcome = rs.getString(7);
            steps.computeIfAbsent(step, key -> new WaitSample()).add(wait, outcome);
            if (rs.getDate(5).toLocalDate().equals(thisWeek)) {
                stepsThisWeek.computeIfAbsent(step, key -> new WaitSample()).add(wait, outcome);
            }
            Long organisation = rs.getObject(4, Long.class);
            if (organisation != null) {
                organisations.computeIfAbsent(organisation, key -> new WaitSample()).add(wait, outcome);
            }
        }, range(scopePath, from, to));
        List<StepWaits> stepWaits = new ArrayList<>();
        steps.forEach((step, sample) -> stepWaits.add(new StepWaits(step.get(0), step.get(1),
                names.get(step.get(0) + "/" + step.get(1)),
                stepsThisWeek.containsKey(step) ? stepsThisWeek.get(step).stats() : WaitStats.NONE, sample.stats(),
                sample.returned(), sample.decided())));
        stepWaits.sort(Comparator.comparingLong((StepWaits s) -> s.range().p90())
                .thenComparingLong(s -> s.range().median()).reversed());
        List<OrganisationWaits> organisationWaits = new ArrayList<>();
        organisations.forEach((id, sample) -> organisationWaits.add(new OrganisationWaits(id, sample.stats())));
        organisationWaits.sort(Comparator.comparingLong((OrganisationWaits o) -> o.range().p90())
                .thenComparingLong(o -> o.range().median()).reversed());
        return new Waits(stepWaits, organisationWaits);
    }

    /**
     * Per week: cases started (their first task created) and review decisions taken, oldest week first. The whole
     * weeks before this one are read from their closed counts ({@link ClosedWeeks}); a week cut by the range, this
     * week and a week being closed or reopened right now are counted from the rows.
     */
    List<Week> throughput(String scopePath, LocalDate from, LocalDate to, LocalDate thisWeek) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate week = Weeks.of(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.put(week, new long[4]);
        }
        Map<LocalDate, long[]> closed = closedWeeks.counts(scopePath, weeks.keySet().stream()
                .filter(week -> !week.isBefore(from) && !week.plusDays(6).isAfter(to) && week.isBefore(thisWeek))
                .toList());
        weeks.putAll(closed);
        List<LocalDate> open = weeks.keySet().stream().filter(week -> !closed.containsKey(week)).toList();
        int first = 0;
        while (first < open.size()) {
            // Each run of consecutive weeks in one pair of queries.
            int last = first;
            while (last + 1 < open.size() && open.get(last + 1).equals(open.get(last).plusWeeks(1))) {
                last++;
            }
            LocalDate start = open.get(first).isBefore(from) ? from : open.get(first);
            LocalDate sunday = open.get(last).plusDays(6);
            weeks.putAll(counted(scopePath, start, sunday.isAfter(to) ? to : sunday));
            first = last + 1;
        }
        return weeks.entrySet().stream().map(week -> new Week(week.getKey(), week.getValue()[0], week.getValue()[1],
                week.getValue()[2], week.getValue()[3])).toList();
    }

    /** Started, approved, returned and rejected per week between the days, counted from the rows. */
    Map<LocalDate, long[]> counted(String scopePath, LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate week = Weeks.of(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.put(week, new long[4]);
        }
        jdbc.query("SELECT created_week, COUNT(*) FROM task_wait WHERE first_of_case = TRUE AND"
                        + within("created", from, to) + " GROUP BY created_week",
                rs -> {
                    weeks.get(rs.getObject(1, LocalDate.class))[0] = rs.getLong(2);
                }, range(scopePath, from, to));
        List<String> outcomes = List.of("APPROVED", "RETURNED", "REJECTED");
        jdbc.query("SELECT ended_week, outcome, COUNT(*) FROM task_wait WHERE" + within("ended", from, to)
                + " AND outcome IN ('APPROVED', 'RETURNED', 'REJECTED') GROUP BY ended_week, outcome", rs -> {
            weeks.get(rs.getObject(1, LocalDate.class))[1 + outcomes.indexOf(rs.getString(2))] = rs.getLong(3);
        }, range(scopePath, from, to));
        return weeks;
    }

    /**
     * The rows of a scope whose {@code event} ("created", "ended") fell between the days: their weeks listed one
     * by one rather than as a range, so that the index led by the week and then the path seeks each week's part
     * of the scope instead of reading the whole province's weeks (docs/performance.md).
     */
    private static String within(String event, LocalDate from, LocalDate to) {
        return " " + event + "_week IN (" + ClosedWeeks.marks(mondays(from, to).size()) + ") AND " + event + "_at >= ?"
                + " AND " + event + "_at < ? AND organisation_path LIKE ?";
    }

    private static Object[] range(String scopePath, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(ClosedWeeks.dates(mondays(from, to))));
        args.addAll(List.of(Timestamp.from(Weeks.start(from)), Timestamp.from(Weeks.start(to.plusDays(1))),
                like(scopePath)));
        return args.toArray();
    }

    private static List<LocalDate> mondays(LocalDate from, LocalDate to) {
        return Weeks.of(from).datesUntil(to.plusDays(1), Period.ofWeeks(1)).toList();
    }

    static String like(String scopePath) {
        return scopePath + "%";
    }
}
