package cn.shixun.policy;

import java.math.BigDecimal;

/**
 * One row of {@code creditRules.dmn}: how a kind of claim is turned into hours under a profile.
 * Null numbers mean "not in this profile" (e.g. no hours-per-day conversion in Henan).
 */
public record CreditRule(HourCategory category, HoursSource hoursSource, BigDecimal hoursPerDay,
                         BigDecimal perUnitHours, BigDecimal multiplier, BigDecimal excellentMultiplier,
                         BigDecimal yearlyCap, Integer maxUnits, boolean requiresProcessMaterials,
                         Integer minimumSessions, String ruleId, String refusal, DecisionRef decision) {

    /** Where the base hours come from. */
    public enum HoursSource {
        /** The hours stated on the certificate or notice (or days x hours per day). */
        STATED,
        /** A fixed number of hours per unit (study year, subject, session, year). */
        PER_UNIT,
        /** The stated hours times a multiplier (trainers, R-18). */
        MULTIPLE
    }

    public boolean refused() {
        return refusal != null;
    }
}
