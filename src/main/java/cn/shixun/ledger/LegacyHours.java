package cn.shixun.ledger;

import cn.shixun.policy.HourCategory;
import java.math.BigDecimal;

/** Hours earned before the system, for one year and category, with the paper evidence. */
public record LegacyHours(Integer year, HourCategory category, BigDecimal hours, String paperEvidence) {
}
