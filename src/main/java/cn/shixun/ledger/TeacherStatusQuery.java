package cn.shixun.ledger;

import cn.shixun.policy.Cycle;
import cn.shixun.policy.CycleRule;
import cn.shixun.policy.Cycles;
import cn.shixun.policy.DecisionRef;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyKey;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.policy.Requirement;
import cn.shixun.policy.TeacherPolicy;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status query: one indexed aggregate over the teacher's ledger rows (index
 * {@code ix_ledger_teacher_date}), one sum per window and category, then Java compares the
 * sums with the profile's requirements. No per-entry loading, no N+1.
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

    /** A window over the ledger: [from, to], both inclusive. */
    record Window(LocalDate from, LocalDate to) {
    }

    public TeacherStatus statusOf(Long teacherId, LocalDate date) {
        Teacher teacher = teachers.require(teacherId);
        TeacherPolicy policy = profiles.forTeacher(teacher, date);
        PolicyKey key = policy.key();
        CycleRule cycleRule = decisions.cycleRule(key);
        Cycle cycle = Cycles.cycleOn(cycleRule, policy, date);
        List<Requirement> requirements = decisions.requirements(key);

        Window year = new Window(LocalDate.of(date.getYear(), 1, 1), LocalDate.of(date.getYear(), 12, 31));
        Window cycleWindow = new Window(cycle.start(), cycle.end());
        Map<Requirement.Period, Window> windows = new LinkedHashMap<>();
        windows.put(Requirement.Period.YEAR, year);
        windows.put(Requirement.Period.CYCLE, cycleWindow);
        firstYear(teacher.hireDate(), date).ifPresent(w -> windows.put(Requirement.Period.FIRST_YEAR, w));
        if (teacher.principalAppointedOn() != null) {
            firstYear(teacher.principalAppointedOn(), date).ifPresent(w -> windows.put(Requirement.Period.PRINCIPAL_FIRST_YEAR, w));
        }
        Map<Requirement.Period, Map<HourCategory, BigDecimal>> sums = sums(teacherId, windows, date);

        Map<HourCategory, BigDecimal> cycleSums = sums.get(Requirement.Period.CYCLE);
        boolean exempt = cycleSums.getOrDefault(HourCategory.DEGREE_EXEMPTION, BigDecimal.ZERO).signum() > 0;
        int firstOwedYear = Cycles.firstOwedYear(cycleRule, teacher.hireDate());
        List<TeacherStatus.RequirementStatus> outcomes = new ArrayList<>();
        for (Requirement requirement : requirements) {
            Window window = windows.get(requirement.period());
            if (window == null) {
                continue; // not a new teacher / principal on this date
            }
            outcomes.add(evaluate(requirement, window, sums.get(requirement.period()), cycle, exempt,
                    requirement.period() == Requirement.Period.YEAR && date.getYear() < firstOwedYear));
        }
        CycleRule.CycleType type = cycle.type();
        return new TeacherStatus(teacherId, date, policy.profile(),
                new TeacherStatus.CycleView(cycle.start(), cycle.end(), type.name(), cycle.determinedBy(),
                        cycle.owedYears(), cycle.cycleYears()),
                date.getYear(), sums.get(Requirement.Period.YEAR), cycleSums, total(sums.get(Requirement.Period.YEAR)),
                total(cycleSums), exempt, outcomes,
                decisionsUsed(cycleRule, requirements));
    }

    private static List<DecisionRef> decisionsUsed(CycleRule cycleRule, List<Requirement> requirements) {
        List<DecisionRef> used = new ArrayList<>();
        used.add(cycleRule.decision());
        requirements.stream().map(Requirement::decision).findFirst().ifPresent(used::add);
        return used;
    }

    static TeacherStatus.RequirementStatus evaluate(Requirement requirement, Window window,
                                                    Map<HourCategory, BigDecimal> sums, Cycle cycle, boolean exempt,
                                                    boolean notYetOwed) {
        BigDecimal credited = requirement.category() == null ? total(sums)
                : sums.getOrDefault(requirement.category(), BigDecimal.ZERO);
        BigDecimal required = requirement.minimumHours().setScale(2, RoundingMode.HALF_UP);
        String note = null;
        if (requirement.period() == Requirement.Period.CYCLE && cycle.owedYears() < cycle.cycleYears()) {
            // a teacher who joined mid-cycle owes the share of the years he is in it.
            required = requirement.minimumHours().multiply(BigDecimal.valueOf(cycle.owedYears()))
                    .divide(BigDecimal.valueOf(cycle.cycleYears()), 2, RoundingMode.HALF_UP);
            note = "本周期应学 " + cycle.owedYears() + "/" + cycle.cycleYears() + " 年，按比例折算";
        }
        if (notYetOwed) {
            required = BigDecimal.ZERO.setScale(2);
            note = "入职当年不计（下半年入职，次年起算，R-11）";
        }
        boolean byExemption = exempt && requirement.exemptibleByDegree();
        if (byExemption) {
            note = "本周期内取得学历，免修（R-16，不含特殊专项培训）";
        }
        BigDecimal missing = byExemption ? BigDecimal.ZERO.setScale(2) : required.subtract(credited).max(BigDecimal.ZERO).setScale(2);
        return new TeacherStatus.RequirementStatus(requirement.code(), requirement.label(), requirement.ruleId(),
                requirement.category(), requirement.period(), window.from(), window.to(), required,
                credited.setScale(2, RoundingMode.HALF_UP), missing, missing.signum() == 0, byExemption, note);
    }

    private static Optional<Window> firstYear(LocalDate start, LocalDate date) {
        LocalDate end = start.plusYears(1).minusDays(1);
        return !date.isBefore(start) && !date.isAfter(end) ? Optional.of(new Window(start, end))
                : Optional.empty();
    }

    /** One aggregate query: SUM(CASE window) per category over the teacher's rows in the union of the windows. */
    /**
     * Sums as of {@code asOf}: entries dated after it do not count yet, whatever window they fall in,
     * so that the status on a past date shows what had been earned by then.
     */
    private Map<Requirement.Period, Map<HourCategory, BigDecimal>> sums(Long teacherId, Map<Requirement.Period, Window> windows,
                                                                       LocalDate asOf) {
        List<Object> args = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Window window : windows.values()) {
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

    private static BigDecimal total(Map<HourCategory, BigDecimal> sums) {
        return sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
