package cn.shixun.insight.completion;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of the stored current results (V195): each school's figures per basis and year with
 * what they were computed from, and each school's change count. Freshness is decided by the caller
 * ({@link Stored#currentFor}); this class reads and writes rows.
 */
@Repository
class CurrentStore {

    /** School ids per IN list: keeps a province's table within what databases plan well. */
    private static final int CHUNK = 1_000;
    private static final String ROW = "c.school_id, c.basis, c.period_year, c.as_of, c.generation,"
            + " c.policy_revision, c.counted, c.met, c.short_count, c.exempt, c.not_counted";
    private static final String COLUMNS = ROW + ", COALESCE(m.generation, 0)";
    private static final String FROM = " FROM completion_current c LEFT JOIN completion_change m ON m.school_id = c.school_id";

    /**
     * A stored row and the school's change count when it was read. The figures answer for a view
     * only when they were computed for its date, after the school's last change and on the
     * published policy versions now in force.
     */
    record Stored(Long schoolId, Basis basis, int year, LocalDate asOf, long generation, long policyRevision,
                  Figures figures, long schoolGeneration) {

        boolean currentFor(LocalDate date, long revision) {
            return asOf.equals(date) && generation == schoolGeneration && policyRevision == revision;
        }

        Stored withSchoolGeneration(long now) {
            return new Stored(schoolId, basis, year, asOf, generation, policyRevision, figures, now);
        }
    }

    private final JdbcTemplate jdbc;

    CurrentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored rows of the schools for the basis and year, by school id (schools without one are absent). */
    Map<Long, Stored> read(Basis basis, int year, List<Long> schoolIds) {
        Map<Long, Stored> rows = new HashMap<>();
        for (int from = 0; from < schoolIds.size(); from += CHUNK) {
            List<Long> chunk = schoolIds.subList(from, Math.min(schoolIds.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(chunk);
            args.add(basis.name());
            args.add(year);
            jdbc.query("SELECT " + COLUMNS + FROM + " WHERE c.school_id IN ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") AND c.basis = ? AND c.period_year = ?",
                    rs -> {
                        Stored row = stored(rs);
                        rows.put(row.schoolId(), row);
                    }, args.toArray());
        }
        return rows;
    }

    /**
     * The row of one school, basis and year, locked until the transaction ends (two nodes: the
     * second waits), with the school's change count read after the lock (the count's own row is
     * not locked: writers never wait for a recomputation). A missing row is not locked: InnoDB
     * would lock the gap where it would go, and two such transactions inserting it would deadlock.
     */
    Optional<Stored> lock(Long schoolId, Basis basis, int year) {
        if (!exists(schoolId, basis, year)) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + ROW + ", 0 FROM completion_current c WHERE c.school_id = ? AND c.basis = ?"
                        + " AND c.period_year = ? FOR UPDATE", (rs, n) -> stored(rs), schoolId, basis.name(), year)
                .stream().findFirst().map(row -> row.withSchoolGeneration(generation(schoolId)));
    }

    /** The school's change count: 0 until the first change after the table was made. */
    long generation(Long schoolId) {
        return count(schoolId).orElse(0L);
    }

    /**
     * Raises the change count of each school, in the caller's transaction: every stored result of
     * theirs, and every result being computed now, is out of date from the moment it commits. In
     * ascending order, so that two writers touching the same schools lock them in the same order.
     */
    void markChanged(Collection<Long> schoolIds) {
        schoolIds.stream().distinct().sorted().forEach(schoolId -> {
            // A school's first change inserts its count rather than updating none (which would lock the gap, see save).
            if (count(schoolId).isEmpty()) {
                try {
                    jdbc.update("INSERT INTO completion_change (school_id, generation) VALUES (?, 1)", schoolId);
                    return;
                } catch (DuplicateKeyException anotherWriter) {
                    // Inserted by a writer that committed meanwhile (the insert waited for it): raise theirs.
                }
            }
            jdbc.update("UPDATE completion_change SET generation = generation + 1 WHERE school_id = ?", schoolId);
        });
    }

    /**
     * Keeps {@code figures} as the school's result, unless the row holds a result computed after a
     * later change or on a later policy revision. Returns whether a row was written. A missing row
     * is inserted first (of two nodes inserting it at once, the second waits, then updates), never
     * updated first: an update that finds no row locks the gap, and two of those deadlock on insert.
     */
    boolean save(Long schoolId, Basis basis, int year, LocalDate asOf, long generation, long revision, Figures figures,
                 Instant computedAt) {
        if (!exists(schoolId, basis, year)) {
            try {
                return jdbc.update("INSERT INTO completion_current (school_id, basis, period_year, period_end, as_of,"
                                + " generation, policy_revision, counted, met, short_count, exempt, not_counted, computed_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        schoolId, basis.name(), year, Date.valueOf(LocalDate.of(year, 12, 31)), Date.valueOf(asOf),
                        generation, revision, figures.counted(), figures.met(), figures.shortCount(), figures.exempt(),
                        figures.notCounted(), Timestamp.from(computedAt)) > 0;
            } catch (DuplicateKeyException anotherNode) {
                // Inserted meanwhile by another viewer or node: theirs is replaced below if this one is not older.
            }
        }
        return jdbc.update("UPDATE completion_current SET as_of = ?, generation = ?, policy_revision = ?,"
                        + " counted = ?, met = ?, short_count = ?, exempt = ?, not_counted = ?, computed_at = ?"
                        + " WHERE school_id = ? AND basis = ? AND period_year = ? AND generation <= ? AND policy_revision <= ?",
                Date.valueOf(asOf), generation, revision, figures.counted(), figures.met(), figures.shortCount(),
                figures.exempt(), figures.notCounted(), Timestamp.from(computedAt), schoolId, basis.name(), year,
                generation, revision) > 0;
    }

    /**
     * Up to {@code limit} stored rows that no longer answer for their period on {@code today}:
     * changed since, computed on another policy revision, or for another date (yesterday's
     * current-year rows; a past year's row computed before its year ended). Changed rows first.
     */
    List<Stored> due(LocalDate today, long revision, int limit) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE c.generation <> COALESCE(m.generation, 0)"
                        + " OR c.policy_revision <> ? OR (c.period_end < ? AND c.as_of <> c.period_end)"
                        + " OR (c.period_end >= ? AND c.as_of <> ?)"
                        + " ORDER BY CASE WHEN c.generation <> COALESCE(m.generation, 0) THEN 0 ELSE 1 END, c.id"
                        + " LIMIT " + limit,
                (rs, n) -> stored(rs), revision, Date.valueOf(today), Date.valueOf(today), Date.valueOf(today));
    }

    /** The schools that have a row for the basis and year. */
    List<Long> schoolsStored(Basis basis, int year) {
        return jdbc.queryForList("SELECT school_id FROM completion_current WHERE basis = ? AND period_year = ?", Long.class,
                basis.name(), year);
    }

    private Optional<Long> count(Long schoolId) {
        return jdbc.queryForList("SELECT generation FROM completion_change WHERE school_id = ?", Long.class, schoolId)
                .stream().findFirst();
    }

    private boolean exists(Long schoolId, Basis basis, int year) {
        return !jdbc.queryForList("SELECT id FROM completion_current WHERE school_id = ? AND basis = ? AND period_year = ?",
                Long.class, schoolId, basis.name(), year).isEmpty();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong(1), Basis.valueOf(rs.getString(2)), rs.getInt(3), rs.getDate(4).toLocalDate(),
                rs.getLong(5), rs.getLong(6),
                new Figures(rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11)),
                rs.getLong(12));
    }
}
