package cn.shixun.policy;

/** One row of {@code recognisedCertificates.dmn}: whether a kind of certificate earns hours. */
public record Recognition(boolean recognised, HourCategory category, String ruleId, String reason, DecisionRef decision) {
}
