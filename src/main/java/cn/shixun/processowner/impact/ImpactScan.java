package cn.shixun.processowner.impact;

import cn.shixun.ledger.StatusArithmetic;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyKey;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.policy.TeacherPolicy;
import cn.shixun.processowner.testcases.PolicyUnderTest;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose standing a draft would change: for each teacher in post at a school of the profile, the
 * status on a date under the published policy and under the draft, computed by the status page's
 * arithmetic. One school at a time — its teachers, then their ledger rows in one query — so that a
 * preview over a province is a sequence of small steps a job can report progress on.
 */
@Component
public class ImpactScan {

    /**
     * How far back a school's ledger rows are read: no window of a status (a cycle, a year, a first
     * year) starts earlier than this before the status date. A draft whose cycle is longer is refused.
     */
    static final int LOOK_BACK_YEARS = 10;

    private final Organisations organisations;
    private final Teachers teachers;
    private final PolicyProfiles profiles;
    private final JdbcTemplate jdbc;

    ImpactScan(Organisations organisations, Teachers teachers, PolicyProfiles profiles, JdbcTemplate jdbc) {
        this.organisations = organisations;
        this.teachers = teachers;
        this.profiles = profiles;
        this.jdbc = jdbc;
    }

    /** A teacher whose standing the draft changes: what the status says before and after, in words. */
    public record Change(Long teacherId, String teacherName, String schoolName, String before, String after) {
    }

    /** One school's share of the preview. */
    public record SchoolResult(int checked, List<Change> changes) {
    }

    /** The schools whose teachers follow {@code profileCode}, by id: the steps of a preview. */
    @Transactional(readOnly = true)
    public List<Long> schoolsOf(String profileCode) {
        return organisations.list(OrganisationLevel.SCHOOL, null).stream()
                .filter(school -> profileCode.equals(organisations.effectivePolicyProfile(school.getId())))
                .map(Organisation::getId)
                .sorted()
                .toList();
    }

    @Transactional(readOnly = true)
    public SchoolResult scanSchool(Long schoolId, String profileCode, LocalDate date, PolicyUnderTest current,
                                   PolicyUnderTest draft) {
        List<Teacher> inPost = teachers.atSchool(schoolId).stream().filter(Teacher::inPost).toList();
        if (inPost.isEmpty()) {
            return new SchoolResult(0, List.of());
        }
        String schoolName = organisations.require(schoolId, "schoolId").name();
        // The city is the school's, the same for all its teachers (R-04 for province-direct schools).
        String cityCode = profiles.forTeacher(inPost.get(0), date).cityCode();
        Map<Long, List<StatusArithmetic.Entry>> entries = entriesOf(schoolId, date);
        List<Change> changes = new ArrayList<>();
        for (Teacher teacher : inPost) {
            List<StatusArithmetic.Entry> own = entries.getOrDefault(teacher.getId(), List.of());
            TeacherStatus before = statusUnder(current, profileCode, cityCode, teacher, date, own);
            TeacherStatus after = statusUnder(draft, profileCode, cityCode, teacher, date, own);
            if (!shortfalls(before).equals(shortfalls(after))) {
                changes.add(new Change(teacher.getId(), teacher.name(), schoolName, summary(before), summary(after)));
            }
        }
        return new SchoolResult(inPost.size(), changes);
    }

    private static TeacherStatus statusUnder(PolicyUnderTest policy, String profileCode, String cityCode, Teacher teacher,
                                             LocalDate date, List<StatusArithmetic.Entry> entries) {
        TeacherPolicy teacherPolicy = new TeacherPolicy(teacher.getId(), policy.versions().versionOn(profileCode, date),
                cityCode, teacher.stage(), teacher.hireDate(), teacher.lastCertificateIssuedOn(), teacher.principalAppointedOn());
        PolicyKey key = teacherPolicy.key();
        LocalDate readFrom = date.minusYears(LOOK_BACK_YEARS);
        return StatusArithmetic.statusOf(teacherPolicy, date, policy.decisions().cycleRule(key),
                policy.decisions().requirements(key), (windows, asOf) -> {
                    if (windows.values().stream().anyMatch(w -> w.from().isBefore(readFrom))) {
                        throw BusinessRuleException.violation(null, "cycleRules", "impact.window-too-long", LOOK_BACK_YEARS);
                    }
                    return StatusArithmetic.sumsOf(entries).sums(windows, asOf);
                });
    }

    /** The school's in-post teachers' ledger rows over the look-back, summed per teacher, day and category. */
    private Map<Long, List<StatusArithmetic.Entry>> entriesOf(Long schoolId, LocalDate date) {
        Map<Long, List<StatusArithmetic.Entry>> byTeacher = new HashMap<>();
        jdbc.query("""
                        SELECT l.teacher_id, l.entry_date, l.category, SUM(l.hours)
                        FROM ledger_entry l JOIN teacher t ON t.id = l.teacher_id
                        WHERE t.school_id = ? AND l.entry_date BETWEEN ? AND ?
                        GROUP BY l.teacher_id, l.entry_date, l.category""",
                rs -> {
                    byTeacher.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new StatusArithmetic.Entry(
                            rs.getDate(2).toLocalDate(), HourCategory.valueOf(rs.getString(3)), rs.getBigDecimal(4)));
                },
                schoolId, Date.valueOf(date.minusYears(LOOK_BACK_YEARS)), Date.valueOf(date));
        return byTeacher;
    }

    /**
     * The standing compared: each requirement not met, by code, with the hours missing. A draft that
     * only rewords a label changes nobody's standing.
     */
    static Map<String, BigDecimal> shortfalls(TeacherStatus status) {
        return status.requirements().stream().filter(r -> !r.met())
                .collect(Collectors.toMap(TeacherStatus.RequirementStatus::code, r -> r.missing().stripTrailingZeros()));
    }

    /** The standing in words: what is still missing, or that all is met. */
    static String summary(TeacherStatus status) {
        String missing = status.requirements().stream()
                .filter(r -> !r.met())
                .map(r -> r.label() + " 差 " + r.missing().stripTrailingZeros().toPlainString() + " 学时")
                .collect(Collectors.joining("；"));
        return missing.isEmpty() ? "全部达标" : "未达标：" + missing;
    }
}
