package cn.shixun.policy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the decision tables' inputs and outputs to typed answers. Subclasses only say how a
 * table is evaluated: through the engine (the version a policy version is pinned to) or, in unit tests, by a
 * standalone DMN engine reading the same files.
 */
abstract class DmnPolicyDecisions implements PolicyDecisions {

    /** The matched rows of one evaluation, and which table version produced them. */
    record Evaluation(List<Map<String, Object>> rows, DecisionRef decision) {
    }

    /** Evaluates a table: the version {@code key} is pinned to, or the latest when it has no pin for it. */
    protected abstract Evaluation evaluate(String decisionKey, PolicyKey key, Map<String, Object> variables);

    @Override
    public CreditRule creditRule(PolicyKey key, ClaimKind kind, String role) {
        Map<String, Object> variables = variables(key);
        variables.put("claimKind", kind.name());
        variables.put("role", role == null ? "" : role);
        Evaluation evaluation = evaluate(CREDIT_RULES, key, variables);
        Map<String, Object> row = single(evaluation, CREDIT_RULES);
        String source = (String) row.get("hoursSource");
        return new CreditRule(category(row.get("category")),
                source == null ? null : CreditRule.HoursSource.valueOf(source),
                decimal(row.get("hoursPerDay")), decimal(row.get("perUnitHours")), decimal(row.get("multiplier")),
                decimal(row.get("excellentMultiplier")), decimal(row.get("yearlyCap")), integer(row.get("maxUnits")),
                Boolean.TRUE.equals(row.get("requiresProcessMaterials")), integer(row.get("minimumSessions")),
                (String) row.get("ruleId"), (String) row.get("refusal"), evaluation.decision());
    }

    @Override
    public Recognition recognition(PolicyKey key, String certificateKind) {
        Map<String, Object> variables = variables(key);
        variables.put("certificateKind", certificateKind == null ? "" : certificateKind);
        Evaluation evaluation = evaluate(RECOGNISED_CERTIFICATES, key, variables);
        Map<String, Object> row = single(evaluation, RECOGNISED_CERTIFICATES);
        return new Recognition(Boolean.TRUE.equals(row.get("recognised")), category(row.get("category")),
                (String) row.get("ruleId"), (String) row.get("reason"), evaluation.decision());
    }

    @Override
    public List<Requirement> requirements(PolicyKey key) {
        Evaluation evaluation = evaluate(REQUIREMENTS, key, variables(key));
        return evaluation.rows().stream()
                .map(row -> new Requirement((String) row.get("code"),
                        "ALL".equals(row.get("category")) ? null : category(row.get("category")),
                        Requirement.Period.valueOf((String) row.get("period")), decimal(row.get("minimumHours")),
                        Boolean.TRUE.equals(row.get("exemptible")), (String) row.get("ruleId"), (String) row.get("label"),
                        evaluation.decision()))
                .toList();
    }

    @Override
    public CycleRule cycleRule(PolicyKey key) {
        Evaluation evaluation = evaluate(CYCLE_RULES, key, variables(key));
        Map<String, Object> row = single(evaluation, CYCLE_RULES);
        return new CycleRule(CycleRule.CycleType.valueOf((String) row.get("cycleType")), integer(row.get("cycleYears")),
                integer(row.get("anchorYear")), CycleRule.NewTeacherStart.valueOf((String) row.get("newTeacherStart")),
                (String) row.get("ruleId"), evaluation.decision());
    }

    private static Map<String, Object> variables(PolicyKey key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("profile", key.profileCode());
        variables.put("profileVersion", key.profileVersion());
        variables.put("cityCode", key.cityCode());
        return variables;
    }

    private static Map<String, Object> single(Evaluation evaluation, String decisionKey) {
        if (evaluation.rows().isEmpty()) {
            // Every table ends with a catch-all row; an empty result means the table was edited badly.
            throw new IllegalStateException("decision " + evaluation.decision() + " matched no row for " + decisionKey);
        }
        return evaluation.rows().get(0);
    }

    private static HourCategory category(Object value) {
        return value == null ? null : HourCategory.valueOf((String) value);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
