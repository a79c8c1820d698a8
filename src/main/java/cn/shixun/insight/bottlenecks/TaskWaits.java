package cn.shixun.insight.bottlenecks;

import java.sql.Date;
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
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /**
     * The rows of a scope whose event ("created", "ended") fell in one week and between the days: one query per
     * week, because an equality on the week lets the index led by the week and then the path seek the scope's
     * part of it; a range or a list of weeks made H2 read every row of the weeks (docs/performance.md).
     */
    private static final String IN_WEEK = " %1$s_week = ? AND %1$s_at >= ? AND %1$s_at < ? AND organisation_path LIKE ?";

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

    /**
     * Waits of the tasks ended between the days, per step and per organisation, the slowest (90th percentile) first.
     * The whole weeks before this one are read from their histograms ({@link ClosedWeekWaits}), which give the
     * figures exactly as the page shows them; a week cut by the range, this week and a week being closed or reopened
     * right now are read wait by wait from the rows.
     */
    Waits waits(String scopePath, LocalDate from, LocalDate to, LocalDate thisWeek) {
        Map<List<String>, WaitSample> steps = new LinkedHashMap<>();
        Map<List<String>, WaitSample> stepsThisWeek = new LinkedHashMap<>();
        Map<List<String>, String> names = new LinkedHashMap<>();
        Map<Long, WaitSample> organisations = new LinkedHashMap<>();
        ClosedWeekWaits.Answer closed = closedWeeks.waits(scopePath, wholeWeeksBefore(thisWeek, from, to));
        closed.steps().forEach((step, summary) -> {
            names.put(step, summary.name);
            steps.computeIfAbsent(step, key -> new WaitSample()).addSummary(summary.waits, summary.returned,
                    summary.decided);
        });
        closed.organisations().forEach((organisation, histogram) ->
                organisations.computeIfAbsent(organisation, key -> new WaitSample()).addSummary(histogram, 0, 0));
        RowCallbackHandler row = rs -> {
            List<String> step = List.of(rs.getString(1), rs.getString(2));
            names.put(step, rs.getString(3));
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
        };
        for (LocalDate monday : mondays(from, to)) {
            if (!closed.weeks().contains(monday)) {
                jdbc.query("SELECT process_key, task_key, step_name, organisation_id, ended_week, wait_seconds, outcome"
                        + " FROM task_wait WHERE" + IN_WEEK.formatted("ended") + " AND outcome <> 'CANCELLED'", row,
                        week(monday, scopePath, from, to));
            }
        }
        List<StepWaits> stepWaits = new ArrayList<>();
        steps.forEach((step, sample) -> stepWaits.add(new StepWaits(step.get(0), step.get(1), names.get(step),
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

    /** The Mondays of the weeks wholly between the days and before this week: those that can be closed. */
    private static List<LocalDate> wholeWeeksBefore(LocalDate thisWeek, LocalDate from, LocalDate to) {
        return mondays(from, to).stream()
                .filter(week -> !week.isBefore(from) && !week.plusDays(6).isAfter(to) && week.isBefore(thisWeek))
                .toList();
    }

    /**
     * Per week: cases started (their first task created) and review decisions taken, oldest week first. The whole
     * weeks before this one are read from their closed counts ({@link ClosedWeeks}); a week cut by the range, this
     * week and a week being closed or reopened right now are counted from the rows.
     */
    List<Week> throughput(String scopePath, LocalDate from, LocalDate to, LocalDate thisWeek) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        mondays(from, to).forEach(monday -> weeks.put(monday, new long[4]));
        Map<LocalDate, long[]> closed = closedWeeks.counts(scopePath, wholeWeeksBefore(thisWeek, from, to));
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
        mondays(from, to).forEach(monday -> weeks.put(monday, new long[4]));
        List<String> outcomes = List.of("APPROVED", "RETURNED", "REJECTED");
        for (LocalDate monday : weeks.keySet()) {
            long[] counts = weeks.get(monday);
            counts[0] = jdbc.queryForObject("SELECT COUNT(*) FROM task_wait WHERE first_of_case = TRUE AND"
                    + IN_WEEK.formatted("created"), Long.class, week(monday, scopePath, from, to));
            jdbc.query("SELECT outcome, COUNT(*) FROM task_wait WHERE" + IN_WEEK.formatted("ended")
                    + " AND outcome IN ('APPROVED', 'RETURNED', 'REJECTED') GROUP BY outcome", rs -> {
                counts[1 + outcomes.indexOf(rs.getString(1))] = rs.getLong(2);
            }, week(monday, scopePath, from, to));
        }
        return weeks;
    }

    private static Object[] week(LocalDate monday, String scopePath, LocalDate from, LocalDate to) {
        return new Object[] {Date.valueOf(monday), Timestamp.from(Weeks.start(from)),
                Timestamp.from(Weeks.start(to.plusDays(1))), like(scopePath)};
    }

    private static List<LocalDate> mondays(LocalDate from, LocalDate to) {
        return Weeks.of(from).datesUntil(to.plusDays(1), Period.ofWeeks(1)).toList();
    }

    static String like(String scopePath) {
        return scopePath + "%";
    }
}
