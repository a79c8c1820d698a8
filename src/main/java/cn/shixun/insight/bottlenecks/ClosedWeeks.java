package cn.shixun.insight.bottlenecks;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly throughput and waits of weeks that are over, counted once from {@code task_wait} into
 * {@code task_wait_week} (V192) and {@link ClosedWeekWaits}' histograms (V196, docs/adr/0013) on the first read that
 * needs them, so that a province's twelve weeks are read from a few rows per week and organisation instead of
 * every task. A week's counts and its mark in
 * {@code task_wait_week_closed} are written in one transaction; the mark's key lets one node close a week, and a
 * crash leaves neither. {@link #reopen} undoes both for a week whose tasks change afterwards.
 */
@Component
class ClosedWeeks {

    private static final Logger log = LoggerFactory.getLogger(ClosedWeeks.class);

    private final JdbcTemplate jdbc;
    private final ClosedWeekWaits waits;
    private final TransactionTemplate ownTransaction;

    ClosedWeeks(JdbcTemplate jdbc, ClosedWeekWaits waits, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.waits = waits;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Started, approved, returned and rejected of each closed week among {@code weeks} (Mondays before the current
     * week) within the scope, closing the weeks not closed yet first. A week missing from the answer (closed by
     * another node at this moment, or reopened meanwhile) is for the caller to count from the rows.
     */
    Map<LocalDate, long[]> counts(String scopePath, List<LocalDate> weeks) {
        if (weeks.isEmpty()) {
            return Map.of();
        }
        closeThoseOpen(weeks);
        // One statement: a week reopened between the close and this read is missing, not half counted.
        Map<LocalDate, long[]> counts = new HashMap<>();
        jdbc.query("SELECT c.week, SUM(w.started), SUM(w.approved), SUM(w.returned), SUM(w.rejected)"
                        + " FROM task_wait_week_closed c LEFT JOIN task_wait_week w ON w.week = c.week"
                        + " AND w.organisation_path LIKE ? WHERE c.week IN (" + marks(weeks.size()) + ") GROUP BY c.week",
                rs -> {
                    counts.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5)});
                }, Stream.concat(Stream.of(TaskWaits.like(scopePath)), Stream.of(dates(weeks))).toArray());
        return counts;
    }

    /**
     * The waits of the closed weeks among {@code weeks} (Mondays before the current week) within the scope, closing
     * the weeks not closed yet first; the weeks missing from the answer are for the caller to read from the rows.
     */
    ClosedWeekWaits.Answer waits(String scopePath, List<LocalDate> weeks) {
        if (!weeks.isEmpty()) {
            closeThoseOpen(weeks);
        }
        return waits.read(scopePath, weeks);
    }

    private void closeThoseOpen(List<LocalDate> weeks) {
        List<LocalDate> closed = closedAmong(weeks);
        weeks.stream().filter(week -> !closed.contains(week)).forEach(this::close);
    }

    /** Those of the weeks that are closed now. */
    List<LocalDate> closedAmong(List<LocalDate> weeks) {
        return jdbc.queryForList("SELECT week FROM task_wait_week_closed WHERE week IN (" + marks(weeks.size()) + ")",
                LocalDate.class, dates(weeks));
    }

    /** Counts the week's throughput and waits from task_wait, unless another node does it at the same time. */
    void close(LocalDate week) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                // The mark first: a second node closing the same week waits on its key, then fails on it.
                jdbc.update("INSERT INTO task_wait_week_closed (week, closed_at) VALUES (?, ?)", Date.valueOf(week),
                        Timestamp.from(Instant.now()));
                jdbc.update("INSERT INTO task_wait_week (week, organisation_path, process_key, task_key, started,"
                        + " approved, returned, rejected) SELECT ?, organisation_path, process_key, task_key, SUM(s),"
                        + " SUM(a), SUM(r), SUM(j) FROM (SELECT organisation_path, process_key, task_key, 1 AS s,"
                        + " 0 AS a, 0 AS r, 0 AS j FROM task_wait WHERE created_week = ? AND first_of_case = TRUE"
                        + " UNION ALL SELECT organisation_path, process_key, task_key, 0,"
                        + " CASE WHEN outcome = 'APPROVED' THEN 1 ELSE 0 END, CASE WHEN outcome = 'RETURNED' THEN 1 ELSE 0 END,"
                        + " CASE WHEN outcome = 'REJECTED' THEN 1 ELSE 0 END FROM task_wait WHERE ended_week = ?"
                        + " AND outcome IN ('APPROVED', 'RETURNED', 'REJECTED')) t"
                        + " GROUP BY organisation_path, process_key, task_key",
                        Date.valueOf(week), Date.valueOf(week), Date.valueOf(week));
                waits.count(week);
            });
        } catch (DuplicateKeyException | ConcurrencyFailureException closedElsewhere) {
            log.debug("Week {} is being closed by another transaction: {}", week, closedElsewhere.getMessage());
        }
    }

    /**
     * Forgets the counts of {@code week} if it was closed, in the caller's transaction: whatever writes or
     * changes a {@code task_wait} row of a week calls this for the week, so that a back-dated task (the demo's
     * engine clock), a backfill or a late change is counted when the week is next read.
     */
    static void reopen(JdbcTemplate jdbc, LocalDate week) {
        if (jdbc.update("DELETE FROM task_wait_week_closed WHERE week = ?", Date.valueOf(week)) > 0) {
            jdbc.update("DELETE FROM task_wait_week WHERE week = ?", Date.valueOf(week));
            ClosedWeekWaits.forget(jdbc, week);
        }
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static Object[] dates(Collection<LocalDate> days) {
        return days.stream().map(Date::valueOf).toArray();
    }
}
