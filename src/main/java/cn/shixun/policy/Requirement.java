package cn.shixun.policy;

import java.math.BigDecimal;

/**
 * One minimum from {@code requirements.dmn}. A null category means
 * "all hours together".
 */
public record Requirement(String code, HourCategory category, Period period, BigDecimal minimumHours,
                          boolean exemptibleByDegree, String ruleId, String label,
                          DecisionRef decision) {

    /** The window the minimum is measured over. */
    public enum Period {
        /** The calendar year of the status date. */
        YEAR,
        /** The teacher's current cycle. */
        CYCLE,
        /** The first year after hiring (new teachers). */
        FIRST_YEAR,
        /** The first year after appointment as principal. */
        PRINCIPAL_FIRST_YEAR
    }
}
