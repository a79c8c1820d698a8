package cn.shixun.insight.completion;

import java.math.BigDecimal;

/** One requirement a teacher has not met: what it asks, what is credited, how many hours are missing. */
record Shortfall(String code, String label, String ruleId, BigDecimal required, BigDecimal credited,
                 BigDecimal missing) {
}
