package cn.shixun.insight.bottlenecks;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The waits of closed weeks as histograms (V196): per week × step for every scope path that can read it, and per
 * week × organisation. Written by {@link ClosedWeeks#close} in its transaction, under its mark, and forgotten with
 * it; read for the whole weeks of a range so that a province's twelve weeks are a few thousand short rows.
 */
@Component
class ClosedWeekWaits {

    /** A step's waits in a scope: its name as last seen, the histogram, and its returns among its decisions. */
    static final class StepWaits {
        String name;
        final WaitHistogram waits = new WaitHistogram();
        long returned;
        long decided;

        void addAll(StepWaits other) {
            name = other.name;
            waits.addAll(other.waits);
            returned += other.returned;
            decided += other.decided;
        }
    }

    /** What the closed weeks answered: the weeks, and their waits per step (process key, task key) and per organisation. */
    record Answer(Set<LocalDate> weeks, Map<List<String>, StepWaits> steps, Map<Long, WaitHistogram> organisations) {
    }

    private final JdbcTemplate jdbc;

    ClosedWeekWaits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the waits of the tasks ended in the week, in the caller's (the closing) transaction. */
    void count(LocalDate week) {
        Map<List<String>, StepWaits> steps = new LinkedHashMap<>();
        Map<Long, WaitHistogram> organisations = new LinkedHashMap<>();
        Map<Long, String> paths = new HashMap<>();
        jdbc.query("SELECT process_key, task_key, step_name, organisation_id, organisation_path, wait_seconds, outcome"
                + " FROM task_wait WHERE ended_week = ? AND outcome <> 'CANCELLED'", rs -> {
            long wait = rs.getLong(6);
            String outcome = rs.getString(7);
            for (String scope : scopesOf(rs.getString(5))) {
                StepWaits step = steps.computeIfAbsent(List.of(scope, rs.getString(1), rs.getString(2)),
                        key -> new StepWaits());
                step.name = rs.getString(3);
                step.waits.add(wait);
                step.decided += WaitSample.decisions(outcome);
                step.returned += WaitSample.returns(outcome);
            }
            Long organisation = rs.getObject(4, Long.class);
            if (organisation != null) {
                organisations.computeIfAbsent(organisation, key -> new WaitHistogram()).add(wait);
                paths.put(organisation, rs.getString(5));
            }
        }, Date.valueOf(week));
        List<Object[]> stepRows = new ArrayList<>();
        steps.forEach((key, step) -> stepRows.add(new Object[] {Date.valueOf(week), key.get(0), key.get(1), key.get(2),
                step.name, step.waits.encode(), step.returned, step.decided}));
        jdbc.batchUpdate("INSERT INTO task_wait_week_step (week, scope_path, process_key, task_key, step_name, waits,"
                + " returned, decided) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", stepRows);
        List<Object[]> organisationRows = new ArrayList<>();
        organisations.forEach((id, waits) -> organisationRows.add(new Object[] {Date.valueOf(week), id, paths.get(id),
                waits.encode()}));
        jdbc.batchUpdate("INSERT INTO task_wait_week_organisation (week, organisation_id, organisation_path, waits)"
                + " VALUES (?, ?, ?, ?)", organisationRows);
    }

    /** Forgets the week's waits, in the caller's (the reopening) transaction. */
    static void forget(JdbcTemplate jdbc, LocalDate week) {
        jdbc.update("DELETE FROM task_wait_week_step WHERE week = ?", Date.valueOf(week));
        jdbc.update("DELETE FROM task_wait_week_organisation WHERE week = ?", Date.valueOf(week));
    }

    /**
     * The waits of the closed weeks among {@code weeks} within the scope. Each table is read in one statement from
     * the marks, so a week reopened meanwhile is missing from it, never half read; a week missing from either is
     * left out of the answer, for the caller to read from the rows.
     */
    Answer read(String scopePath, List<LocalDate> weeks) {
        if (weeks.isEmpty()) {
            return new Answer(Set.of(), Map.of(), Map.of());
        }
        Object[] arguments = Stream.concat(Stream.of(scopePath), Stream.of(ClosedWeeks.dates(weeks))).toArray();
        Map<LocalDate, Map<List<String>, StepWaits>> stepsByWeek = new HashMap<>();
        jdbc.query("SELECT c.week, s.process_key, s.task_key, s.step_name, s.waits, s.returned, s.decided"
                + " FROM task_wait_week_closed c LEFT JOIN task_wait_week_step s ON s.week = c.week AND s.scope_path = ?"
                + " WHERE c.week IN (" + ClosedWeeks.marks(weeks.size()) + ")", rs -> {
            Map<List<String>, StepWaits> steps = stepsByWeek.computeIfAbsent(rs.getObject(1, LocalDate.class),
                    week -> new LinkedHashMap<>());
            if (rs.getString(2) != null) {
                StepWaits step = new StepWaits();
                step.name = rs.getString(4);
                step.waits.addAll(WaitHistogram.decode(rs.getString(5)));
                step.returned = rs.getLong(6);
                step.decided = rs.getLong(7);
                steps.put(List.of(rs.getString(2), rs.getString(3)), step);
            }
        }, arguments);
        arguments[0] = TaskWaits.like(scopePath);
        Map<LocalDate, Map<Long, WaitHistogram>> organisationsByWeek = new HashMap<>();
        jdbc.query("SELECT c.week, o.organisation_id, o.waits FROM task_wait_week_closed c"
                + " LEFT JOIN task_wait_week_organisation o ON o.week = c.week AND o.organisation_path LIKE ?"
                + " WHERE c.week IN (" + ClosedWeeks.marks(weeks.size()) + ")", rs -> {
            Map<Long, WaitHistogram> organisations = organisationsByWeek.computeIfAbsent(
                    rs.getObject(1, LocalDate.class), week -> new HashMap<>());
            if (rs.getString(3) != null) {
                organisations.put(rs.getLong(2), WaitHistogram.decode(rs.getString(3)));
            }
        }, arguments);

        // Oldest week first, so that a step renamed by a later version shows its latest name.
        Set<LocalDate> answered = new TreeSet<>(stepsByWeek.keySet());
        answered.retainAll(organisationsByWeek.keySet());
        Map<List<String>, StepWaits> steps = new LinkedHashMap<>();
        Map<Long, WaitHistogram> organisations = new HashMap<>();
        for (LocalDate week : answered) {
            stepsByWeek.get(week).forEach((key, step) -> steps.computeIfAbsent(key, k -> new StepWaits()).addAll(step));
            organisationsByWeek.get(week).forEach((id, waits) ->
                    organisations.computeIfAbsent(id, k -> new WaitHistogram()).addAll(waits));
        }
        return new Answer(answered, steps, organisations);
    }

    /** '/1/5/23/' → '/', '/1/', '/1/5/', '/1/5/23/': every scope whose readers see a task routed there. */
    static List<String> scopesOf(String path) {
        List<String> scopes = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            scopes.add(path.substring(0, slash + 1));
        }
        return scopes;
    }
}
