package cn.shixun.ledger;

import cn.shixun.policy.CycleRule;
import cn.shixun.policy.Cycles;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.policy.Requirement;
import cn.shixun.policy.TeacherPolicy;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standing of many teachers of one school on one date, for the completion tables:
 * the same arithmetic as {@link TeacherStatusQuery} ({@link StatusArithmetic}), but the ledger is
 * read once for all of them, one aggregate per teacher, day and category over the union of their
 * windows, instead of one query per teacher.
 */
@Service
@Transactional(readOnly = true)
public class SchoolStatusQuery {

    /** Teachers per aggregate query: keeps the IN list of a large school within what databases plan well. */
    private static final int CHUNK = 500;

    private final PolicyProfiles profiles;
    private final PolicyDecisions decisions;
    private final JdbcTemplate jdbc;

    SchoolStatusQuery(PolicyProfiles profiles, PolicyDecisions decisions, JdbcTemplate jdbc) {
        this.profiles = profiles;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    /**
     * Each teacher's status on {@code date} as a teacher of {@code schoolId} (their school on that
     * date, R-37), keyed by teacher id. When the school's policy cannot be worked out (no profile
     * version in force on the date) the map is empty.
     */
    public Map<Long, TeacherStatus> statusesAt(Long schoolId, List<Teacher> teachers, LocalDate date) {
        Map<Long, TeacherStatus> result = new LinkedHashMap<>();
        for (int from = 0; from < teachers.size(); from += CHUNK) {
            result.putAll(chunk(schoolId, teachers.subList(from, Math.min(teachers.size(), from + CHUNK)), date));
        }
        return result;
    }

    private Map<Long, TeacherStatus> chunk(Long schoolId, List<Teacher> teachers, LocalDate date) {
        if (teachers.isEmpty()) {
            return Map.of();
        }
        TeacherPolicy school;
        try {
            // One school, one date: one profile version and city for all, one look-up of its tables.
            school = profiles.forTeacherAt(teachers.get(0), schoolId, date);
        } catch (BusinessRuleException noPolicy) {
            return Map.of(); // no profile version in force on the date: no status to report
        }
        CycleRule cycleRule = decisions.cycleRule(school.key());
        List<Requirement> requirements = decisions.requirements(school.key());
        Map<Long, TeacherPolicy> policies = new LinkedHashMap<>();
        LocalDate earliest = LocalDate.of(date.getYear(), 1, 1).minusYears(1);
        for (Teacher teacher : teachers) {
            TeacherPolicy policy = school.forColleague(teacher);
            policies.put(teacher.getId(), policy);
            LocalDate cycleStart = Cycles.cycleOn(cycleRule, policy, date).start();
            earliest = cycleStart.isBefore(earliest) ? cycleStart : earliest;
        }
        Map<Long, List<StatusArithmetic.Entry>> entries = entries(policies.keySet(), earliest, date);
        Map<Long, TeacherStatus> result = new LinkedHashMap<>();
        policies.forEach((teacherId, policy) -> result.put(teacherId, StatusArithmetic.statusOf(policy, date, cycleRule,
                requirements, StatusArithmetic.sumsOf(entries.getOrDefault(teacherId, List.of())))));
        return result;
    }

    /** The net hours per teacher, day and category in [from, to], one aggregate query. */
    private Map<Long, List<StatusArithmetic.Entry>> entries(Iterable<Long> teacherIds, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        teacherIds.forEach(args::add);
        if (args.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(",", Collections.nCopies(args.size(), "?"));
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        Map<Long, List<StatusArithmetic.Entry>> result = new HashMap<>();
        jdbc.query("SELECT teacher_id, entry_date, category, SUM(hours) FROM ledger_entry WHERE teacher_id IN (" + marks
                        + ") AND entry_date BETWEEN ? AND ? GROUP BY teacher_id, entry_date, category",
                rs -> {
                    result.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new StatusArithmetic.Entry(
                            rs.getDate(2).toLocalDate(), HourCategory.valueOf(rs.getString(3)), rs.getBigDecimal(4)));
                }, args.toArray());
        return result;
    }
}
