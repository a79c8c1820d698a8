package cn.shixun.ledger;

import cn.shixun.policy.DecisionRef;
import com.fasterxml.jackson.annotation.JsonProperty;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.Requirement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A teacher's standing on a date (R-07..R-11, R-16): the profile version, the current cycle and
 * year, net hours by category, and each requirement met or not with the hours still missing.
 */
public record TeacherStatus(Long teacherId, LocalDate date, PolicyProfile profile, CycleView cycle, int year,
                            Map<HourCategory, BigDecimal> yearTotals, Map<HourCategory, BigDecimal> cycleTotals,
                            BigDecimal yearTotal, BigDecimal cycleTotal, boolean cycleExemptByDegree,
                            List<RequirementStatus> requirements, List<DecisionRef> decisions) {

    /** The cycle, how it was determined (for people) and the rule it was determined by. */
    public record CycleView(LocalDate start, LocalDate end, String type, String determinedBy, int owedYears,
                            int cycleYears, String ruleId) {
    }

    /**
     * One requirement: the window it is measured over, the minimum (prorated where a new
     * teacher owes only part of the cycle), what is credited, what is missing.
     */
    public record RequirementStatus(String code, String label, String ruleId, HourCategory category,
                                    Requirement.Period period, LocalDate from, LocalDate to, BigDecimal required,
                                    BigDecimal credited, BigDecimal missing, boolean met, boolean metByExemption,
                                    String note) {
    }

    @JsonProperty("allMet")
    public boolean allMet() {
        return requirements.stream().allMatch(RequirementStatus::met);
    }

    public RequirementStatus requirement(String code) {
        return requirements.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no requirement " + code));
    }
}
