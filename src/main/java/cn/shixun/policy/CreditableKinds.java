package cn.shixun.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which kinds of training a policy version credits, by the category they count toward, read from its
 * credit rules: what a teacher short of a requirement can still do (issue 14: 学时不足 with advice), and
 * what a Sanmenxia teacher needs to know about its public, ethics, subject and elective categories.
 */
@Component
public class CreditableKinds {

    private final PolicyDecisions decisions;

    CreditableKinds(PolicyDecisions decisions) {
        this.decisions = decisions;
    }

    /** The rule of every kind the version credits, in the enum's order. */
    public Map<ClaimKind, CreditRule> rules(PolicyKey key) {
        Map<ClaimKind, CreditRule> rules = new EnumMap<>(ClaimKind.class);
        for (ClaimKind kind : ClaimKind.values()) {
            // A master-teacher base row exists per role; asking with one role tells whether the kind is credited.
            CreditRule rule = decisions.creditRule(key, kind, kind == ClaimKind.MASTER_BASE ? "MEMBER" : null);
            if (!rule.refused()) {
                rules.put(kind, rule);
            }
        }
        return rules;
    }

    /** Every kind the version credits, grouped by the category it counts toward. */
    public Map<HourCategory, List<ClaimKind>> byCategory(PolicyKey key) {
        Map<HourCategory, List<ClaimKind>> kinds = new EnumMap<>(HourCategory.class);
        rules(key).forEach((kind, rule) -> {
            if (rule.category() != null) {
                kinds.computeIfAbsent(rule.category(), category -> new ArrayList<>()).add(kind);
            }
        });
        return kinds;
    }
}
