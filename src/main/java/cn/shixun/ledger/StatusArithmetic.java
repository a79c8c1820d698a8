package cn.shixun.ledger;

import cn.shixun.policy.Cycle;
import cn.shixun.policy.CycleRule;
import cn.shixun.policy.Cycles;
import cn.shixun.policy.DecisionRef;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.Requirement;
import cn.shixun.policy.TeacherPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a teacher's standing follows from the policy and the ledger's sums (R-07..R-11, R-16), as a
 * pure function: the windows a status is measured over, and each requirement met or missing.
 * Where the sums come from is the caller's: {@link TeacherStatusQuery} reads them with one
 * aggregate query, a policy test case adds up its example entries ({@link #sumsOf}), so that a
 * decision table under test is judged by the same arithmetic as a teacher's status page.
 */
public final class StatusArithmetic {

    private StatusArithmetic() {
    }

    /** A window over the ledger: [from, to], both inclusive. */
    public record Window(LocalDate from, LocalDate to) {

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** One credited amount: what a ledger row contributes to the sums. */
    public record Entry(LocalDate date, HourCategory category, BigDecimal hours) {
    }

    /** The net hours per category in each window, counting only entries dated on or before {@code asOf}. */
    @FunctionalInterface
    public interface LedgerSums {
        Map<Requirement.Period, Map<HourCategory, BigDecimal>> sums(Map<Requirement.Period, Window> windows, LocalDate asOf);
    }

    /** The standing of {@code policy}'s teacher on {@code date} under the given cycle rule and requirements. */
    public static TeacherStatus statusOf(TeacherPolicy policy, LocalDate date, CycleRule cycleRule,
                                         List<Requirement> requirements, LedgerSums ledger) {
        Cycle cycle = Cycles.cycleOn(cycleRule, policy, date);
        Map<Requirement.Period, Window> windows = new LinkedHashMap<>();
        windows.put(Requirement.Period.YEAR, new Window(LocalDate.of(date.getYear(), 1, 1), LocalDate.of(date.getYear(), 12, 31)));
        windows.put(Requirement.Period.CYCLE, new Window(cycle.start(), cycle.end()));
        firstYear(policy.hireDate(), date).ifPresent(w -> windows.put(Requirement.Period.FIRST_YEAR, w));
        if (policy.principalAppointedOn() != null) {
            firstYear(policy.principalAppointedOn(), date).ifPresent(w -> windows.put(Requirement.Period.PRINCIPAL_FIRST_YEAR, w));
        }
        Map<Requirement.Period, Map<HourCategory, BigDecimal>> sums = ledger.sums(windows, date);

        Map<HourCategory, BigDecimal> yearSums = sums.getOrDefault(Requirement.Period.YEAR, Map.of());
        Map<HourCategory, BigDecimal> cycleSums = sums.getOrDefault(Requirement.Period.CYCLE, Map.of());
        boolean exempt = cycleSums.getOrDefault(HourCategory.DEGREE_EXEMPTION, BigDecimal.ZERO).signum() > 0;
        int firstOwedYear = Cycles.firstOwedYear(cycleRule, policy.hireDate());
        List<TeacherStatus.RequirementStatus> outcomes = new ArrayList<>();
        for (Requirement requirement : requirements) {
            Window window = windows.get(requirement.period());
            if (window == null) {
                continue; // not a new teacher / principal on this date
            }
            outcomes.add(evaluate(requirement, window, sums.getOrDefault(requirement.period(), Map.of()), cycle, exempt,
                    requirement.period() == Requirement.Period.YEAR && date.getYear() < firstOwedYear));
        }
        return new TeacherStatus(policy.teacherId(), date, policy.profile(),
                new TeacherStatus.CycleView(cycle.start(), cycle.end(), cycle.type().name(), cycle.determinedBy(),
                        cycle.owedYears(), cycle.cycleYears(), cycle.ruleId()),
                date.getYear(), yearSums, cycleSums, earned(yearSums), earned(cycleSums), exempt, outcomes,
                decisionsUsed(cycleRule, requirements));
    }

    /** The sums of example entries, for a status computed without a ledger (policy test cases). */
    public static LedgerSums sumsOf(List<Entry> entries) {
        return (windows, asOf) -> {
            Map<Requirement.Period, Map<HourCategory, BigDecimal>> result = new EnumMap<>(Requirement.Period.class);
            windows.forEach((period, window) -> {
                Map<HourCategory, BigDecimal> byCategory = new EnumMap<>(HourCategory.class);
                entries.stream()
                        .filter(e -> window.contains(e.date()) && !e.date().isAfter(asOf))
                        .forEach(e -> byCategory.merge(e.category(), e.hours(), BigDecimal::add));
                byCategory.replaceAll((category, hours) -> hours.setScale(2, RoundingMode.HALF_UP));
                byCategory.values().removeIf(hours -> hours.signum() == 0);
                result.put(period, byCategory);
            });
            return result;
        };
    }

    static TeacherStatus.RequirementStatus evaluate(Requirement requirement, Window window,
                                                    Map<HourCategory, BigDecimal> sums, Cycle cycle, boolean exempt,
                                                    boolean notYetOwed) {
        BigDecimal credited = requirement.category() == null ? earned(sums)
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

    private static List<DecisionRef> decisionsUsed(CycleRule cycleRule, List<Requirement> requirements) {
        List<DecisionRef> used = new ArrayList<>();
        used.add(cycleRule.decision());
        requirements.stream().map(Requirement::decision).findFirst().ifPresent(used::add);
        return used;
    }

    private static Optional<Window> firstYear(LocalDate start, LocalDate date) {
        LocalDate end = start.plusYears(1).minusDays(1);
        return !date.isBefore(start) && !date.isAfter(end) ? Optional.of(new Window(start, end)) : Optional.empty();
    }

    /**
     * The hours earned: every category but a degree exemption, which releases the teacher from the cycle's hours
     * without being hours of training, so it neither fills a requirement of all hours nor shows as earned.
     */
    private static BigDecimal earned(Map<HourCategory, BigDecimal> sums) {
        return sums.entrySet().stream().filter(sum -> sum.getKey() != HourCategory.DEGREE_EXEMPTION)
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
