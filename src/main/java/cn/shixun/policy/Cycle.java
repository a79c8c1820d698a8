package cn.shixun.policy;

import java.time.LocalDate;

/**
 * A teacher's current cycle: its dates, how they were determined (in Chinese, for
 * people), and the share of it the teacher owes (Xinxiang new teachers join mid-cycle, R-11).
 */
public record Cycle(LocalDate start, LocalDate end, CycleRule.CycleType type, String determinedBy,
                    int owedYears, int cycleYears, String ruleId) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
