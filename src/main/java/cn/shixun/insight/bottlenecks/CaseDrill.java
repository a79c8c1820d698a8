package cn.shixun.insight.bottlenecks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tasks behind one of the dashboard's figures, each with its case: what a click on the figure lists. */
@Component
class CaseDrill {

    /** At most this many lines; the page says so when there are more. */
    static final int LIMIT = 200;

    /** What the figure counted. */
    enum Kind {
        OPEN, OVERDUE, ESCALATED, WAITED, STARTED, APPROVED, RETURNED, REJECTED
    }

    /** The figure's filters; null for "any". {@code week} narrows a weekly count. */
    record Filter(Kind kind, String processKey, String taskKey, Long organisationId, String level, LocalDate week) {
    }

    record Line(String processKey, String caseId, String stepName, Long organisationId, String level, Instant created,
                Instant due, Instant ended, Long waitSeconds, String outcome, boolean escalated) {
    }

    private final JdbcTemplate jdbc;

    CaseDrill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Line> lines(String scopePath, Filter filter, LocalDate from, LocalDate to, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT process_key, case_id, step_name, organisation_id, level, created_at,"
                + " due_at, ended_at, wait_seconds, outcome, escalated FROM task_wait WHERE organisation_path LIKE ?");
        List<Object> args = new ArrayList<>(List.of(TaskWaits.like(scopePath)));
        switch (filter.kind()) {
            case OPEN -> sql.append(" AND ended_at IS NULL");
            case OVERDUE -> {
                sql.append(" AND ended_at IS NULL AND due_at < ?");
                args.add(Timestamp.from(now));
            }
            case ESCALATED -> sql.append(" AND ended_at IS NULL AND escalated = TRUE");
            case STARTED -> {
                sql.append(" AND first_of_case = TRUE AND created_at >= ? AND created_at < ?");
                window(args, filter.week(), from, to);
            }
            default -> {
                sql.append(filter.kind() == Kind.WAITED ? " AND outcome <> 'CANCELLED'" : " AND outcome = ?");
                if (filter.kind() != Kind.WAITED) {
                    args.add(filter.kind().name());
                }
                sql.append(" AND ended_at >= ? AND ended_at < ?");
                window(args, filter.week(), from, to);
            }
        }
        optional(sql, args, "process_key", filter.processKey());
        optional(sql, args, "task_key", filter.taskKey());
        optional(sql, args, "organisation_id", filter.organisationId());
        optional(sql, args, "level", filter.level());
        sql.append(filter.kind() == Kind.WAITED ? " ORDER BY wait_seconds DESC" : " ORDER BY created_at");
        sql.append(" LIMIT ").append(LIMIT + 1);
        return jdbc.query(sql.toString(), (rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, Long.class), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), rs.getObject(9, Long.class), rs.getString(10), rs.getBoolean(11)),
                args.toArray());
    }

    /** The week when one is named (a weekly figure), else the dashboard's date range. */
    private static void window(List<Object> args, LocalDate week, LocalDate from, LocalDate to) {
        LocalDate start = week != null ? week : from;
        LocalDate end = week != null ? week.plusDays(7) : to.plusDays(1);
        args.add(Timestamp.from(Weeks.start(start)));
        args.add(Timestamp.from(Weeks.start(end)));
    }

    private static void optional(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
