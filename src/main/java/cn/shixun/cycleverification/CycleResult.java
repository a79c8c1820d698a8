package cn.shixun.cycleverification;

import cn.shixun.policy.HourCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's cycle as the ledger shows it: its dates under the teacher's profile,
 * the hours credited in it by its last day, and each cycle requirement still short.
 */
public record CycleResult(String profileCode, LocalDate start, LocalDate end, BigDecimal totalHours,
                          BigDecimal schoolBasedHours, List<Shortfall> shortfalls) {

    /** One requirement not met, e.g. 五年周期校本研修80学时, with the hours still missing; category null for a total. */
    public record Shortfall(String label, String ruleId, HourCategory category, BigDecimal required,
                            BigDecimal credited, BigDecimal missing) {
    }

    public boolean met() {
        return shortfalls.isEmpty();
    }

    /** The shortfalls in one line for people, e.g. 五年周期不少于360学时：还差 72.00 学时（R-07）. */
    public String missingText() {
        if (shortfalls.isEmpty()) {
            return null;
        }
        return String.join("；", shortfalls.stream().map(s -> s.label() + "：还差 " + s.missing().toPlainString()
                + " 学时（已有 " + s.credited().toPlainString() + "，应有 " + s.required().toPlainString() + "，"
                + s.ruleId() + "）").toList());
    }
}
