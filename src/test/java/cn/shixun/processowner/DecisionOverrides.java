package cn.shixun.processowner;

import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.Requirement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;

/**
 * The published decision tables with one answer changed, standing in for a draft table in tests
 * of what runs beside a draft (policy test cases, the impact preview).
 */
public final class DecisionOverrides {

    private DecisionOverrides() {
    }

    /** Every profile's requirement {@code code} with {@code hours} as its minimum, as an edited row would give. */
    public static PolicyDecisions requirementMinimum(PolicyDecisions published, String code, String hours) {
        return override(published, "requirements", answer -> {
            @SuppressWarnings("unchecked")
            List<Requirement> requirements = (List<Requirement>) answer;
            return requirements.stream().map(r -> r.code().equals(code)
                    ? new Requirement(r.code(), r.category(), r.period(), new BigDecimal(hours), r.exemptibleByDegree(),
                            r.ruleId(), r.label(), r.decision())
                    : r).toList();
        });
    }

    /** A cycle-rules table that cannot answer, as a draft without a catch-all row. */
    public static PolicyDecisions cycleRulesFailing(PolicyDecisions published, String message) {
        return override(published, "cycleRule", answer -> {
            throw new IllegalStateException(message);
        });
    }

    private interface Change {
        Object apply(Object answer);
    }

    private static PolicyDecisions override(PolicyDecisions published, String method, Change change) {
        return (PolicyDecisions) Proxy.newProxyInstance(PolicyDecisions.class.getClassLoader(),
                new Class<?>[] {PolicyDecisions.class}, (proxy, called, args) -> {
                    Object answer;
                    try {
                        answer = called.invoke(published, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return called.getName().equals(method) ? change.apply(answer) : answer;
                });
    }
}
