package cn.shixun.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a claim earns: the hours (two decimals), the category, the rules applied, the profile
 * and decision table versions that decided it, and an explanation in Chinese.
 */
public record CreditResult(ClaimKind kind, HourCategory category, BigDecimal hours, int units, LocalDate entryDate,
                           List<String> ruleIds, PolicyProfile profile, DecisionRef decision, boolean capped,
                           String explanation) {

    public int year() {
        return entryDate.getYear();
    }

    public String ruleIdsJoined() {
        return String.join(",", ruleIds);
    }
}
