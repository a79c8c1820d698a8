package cn.shixun.insight.completion;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of the year-end snapshots (V180): one row per school and year, one per shortfall. */
@Repository
class SnapshotStore {

    private static final String FIGURES = "school_id, as_of, counted, met, short_count, exempt, not_counted, taken_at";

    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the school's row and its shortfalls; a second snapshot of the same school and year fails on the unique key. */
    void insert(int year, SchoolResult result, Instant takenAt, String takenBy) {
        KeyHolder key = new GeneratedKeyHolder();
        Figures f = result.figures();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO completion_snapshot (school_id, snapshot_year,"
                    + " as_of, counted, met, short_count, exempt, not_counted, flagged, taken_at, taken_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            Object[] values = {result.schoolId(), year, java.sql.Date.valueOf(result.asOf()), f.counted(), f.met(),
                    f.shortCount(), f.exempt(), f.notCounted(), f.belowR38(), Timestamp.from(takenAt), takenBy};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            return insert;
        }, key);
        long snapshotId = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        for (ShortTeacher teacher : result.shortTeachers()) {
            for (Shortfall s : teacher.shortfalls()) {
                rows.add(new Object[] {snapshotId, teacher.teacherId(), teacher.staffNumber(), teacher.name(), s.code(),
                        s.label(), s.ruleId(), s.required(), s.credited(), s.missing()});
            }
        }
        jdbc.batchUpdate("INSERT INTO completion_snapshot_shortfall (snapshot_id, teacher_id, staff_number, teacher_name,"
                + " requirement_code, requirement_label, rule_id, required_hours, credited_hours, missing_hours)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The figures of the schools' snapshots of {@code year}, by school id (short teachers not read). */
    Map<Long, SchoolResult> figures(int year, Collection<Long> schoolIds) {
        Map<Long, SchoolResult> result = new HashMap<>();
        if (schoolIds.isEmpty()) {
            return result;
        }
        List<Object> args = new ArrayList<>(schoolIds);
        args.add(year);
        jdbc.query("SELECT " + FIGURES + " FROM completion_snapshot WHERE school_id IN ("
                        + String.join(",", Collections.nCopies(schoolIds.size(), "?")) + ") AND snapshot_year = ?",
                rs -> {
                    result.put(rs.getLong(1), new SchoolResult(rs.getLong(1), rs.getDate(2).toLocalDate(),
                            new Figures(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)),
                            List.of(), SchoolResult.Source.SNAPSHOT, rs.getTimestamp(8).toInstant()));
                }, args.toArray());
        return result;
    }

    /** The school's snapshot of {@code year} with its short teachers, if one was taken. */
    Optional<SchoolResult> find(Long schoolId, int year) {
        List<Object[]> head = jdbc.query("SELECT id, " + FIGURES + " FROM completion_snapshot WHERE school_id = ? AND snapshot_year = ?",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getDate(3).toLocalDate(),
                        new Figures(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                        rs.getTimestamp(9).toInstant()}, schoolId, year);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = head.get(0);
        return Optional.of(new SchoolResult(schoolId, (LocalDate) row[1], (Figures) row[2], shortTeachers((Long) row[0]),
                SchoolResult.Source.SNAPSHOT, (Instant) row[3]));
    }

    /** Which of the schools already have a snapshot of {@code year}. */
    List<Long> taken(int year) {
        return jdbc.queryForList("SELECT school_id FROM completion_snapshot WHERE snapshot_year = ?", Long.class, year);
    }

    private List<ShortTeacher> shortTeachers(Long snapshotId) {
        Map<Long, List<Shortfall>> byTeacher = new LinkedHashMap<>();
        Map<Long, String[]> names = new HashMap<>();
        jdbc.query("SELECT teacher_id, staff_number, teacher_name, requirement_code, requirement_label, rule_id,"
                + " required_hours, credited_hours, missing_hours FROM completion_snapshot_shortfall"
                + " WHERE snapshot_id = ? ORDER BY staff_number, id", rs -> {
                    long teacher = rs.getLong(1);
                    names.put(teacher, new String[] {rs.getString(2), rs.getString(3)});
                    byTeacher.computeIfAbsent(teacher, t -> new ArrayList<>()).add(new Shortfall(rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)));
                }, snapshotId);
        List<ShortTeacher> result = new ArrayList<>();
        byTeacher.forEach((teacher, shortfalls) -> result.add(
                new ShortTeacher(teacher, names.get(teacher)[0], names.get(teacher)[1], shortfalls)));
        return result;
    }
}
