package cn.shixun.ledger;

import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyKey;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.policy.Requirement;
import cn.shixun.policy.TeacherPolicy;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status query: one indexed aggregate over the teacher's ledger rows (index
 * {@code ix_ledger_teacher_date}), one sum per window and category, then Java compares the
 * sums with the profile's requirements ({@link StatusArithmetic}). No per-entry loading, no N+1.
 */
@Service
@Transactional(readOnly = true)
public class TeacherStatusQuery {

    private final Teachers teachers;
    private final PolicyProfiles profiles;
    private final PolicyDecisions decisions;
    private final JdbcTemplate jdbc;

    TeacherStatusQuery(Teachers teachers, PolicyProfiles profiles, PolicyDecisions decisions, JdbcTemplate jdbc) {
        this.teachers = teachers;
        this.profiles = profiles;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    public TeacherStatus statusOf(Long teacherId, LocalDate date) {
        TeacherPolicy policy = profiles.forTeacher(teachers.require(teacherId), date);
        PolicyKey key = policy.key();
        return StatusArithmetic.statusOf(policy, date, decisions.cycleRule(key), decisions.requirements(key),
                (windows, asOf) -> sums(teacherId, windows, asOf));
    }

    /**
     * One aggregate query: SUM(CASE window) per category over the teacher's rows in the union of the
     * windows. Sums as of {@code asOf}: entries dated after it do not count yet, whatever window
     * they fall in, so that the status on a past date shows what had been earned by then.
     */
    private Map<Requirement.Period, Map<HourCategory, BigDecimal>> sums(
            Long teacherId, Map<Requirement.Period, StatusArithmetic.Window> windows, LocalDate asOf) {
        List<Object> args = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (StatusArithmetic.Window window : windows.values()) {
            args.add(Date.valueOf(window.from()));
            args.add(Date.valueOf(window.to()));
            from = from == null || window.from().isBefore(from) ? window.from() : from;
            to = to == null || window.to().isAfter(to) ? window.to() : to;
        }
        args.add(teacherId);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to.isAfter(asOf) ? asOf : to));
        Map<Requirement.Period, Map<HourCategory, BigDecimal>> result = new EnumMap<>(Requirement.Period.class);
        List<Requirement.Period> periods = new ArrayList<>(windows.keySet());
        periods.forEach(p -> result.put(p, new EnumMap<>(HourCategory.class)));
        jdbc.query(aggregateSql(periods.size()), rs -> {
            HourCategory category = HourCategory.valueOf(rs.getString(1));
            for (int i = 0; i < periods.size(); i++) {
                BigDecimal value = rs.getBigDecimal(i + 2);
                if (value != null && value.signum() != 0) {
                    result.get(periods.get(i)).put(category, value.setScale(2, RoundingMode.HALF_UP));
                }
            }
        }, args.toArray());
        return result;
    }

    /**
     * The status aggregate for {@code windows} date windows. Parameters: each window's from and to,
     * then teacher id, overall from, overall to. Served by the covering index ix_ledger_teacher_date.
     */
    static String aggregateSql(int windows) {
        StringBuilder sql = new StringBuilder("SELECT category");
        for (int i = 0; i < windows; i++) {
            sql.append(", SUM(CASE WHEN entry_date BETWEEN ? AND ? THEN hours ELSE 0 END)");
        }
        return sql.append(" FROM ledger_entry WHERE teacher_id = ? AND entry_date BETWEEN ? AND ? GROUP BY category")
                .toString();
    }

}
