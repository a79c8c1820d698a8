package cn.shixun.processowner.testcases;

import cn.shixun.ledger.StatusArithmetic;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.policy.PolicyKey;
import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.TeacherPolicy;
import cn.shixun.shared.BusinessRuleException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a profile's test cases under the published policy and, beside it, under a draft: for each
 * case and requirement, what is expected, what the version in force gives and what the draft would
 * give. The standing is computed by {@link StatusArithmetic}, the arithmetic of the status page, on
 * the case's own entries: no ledger, no teacher record is read or written.
 */
public final class PolicyTestRun {

    private PolicyTestRun() {
    }

    /** A requirement's standing under one policy. */
    public record Outcome(boolean met, BigDecimal required, BigDecimal missing) {

        boolean fulfils(PolicyTestCase.Expectation expectation) {
            return met == expectation.met()
                    && (expectation.missing() == null || missing.compareTo(expectation.missing()) == 0);
        }
    }

    /**
     * One requirement of a case: expected (null when the case does not state it), and the outcome
     * under each policy (null when that policy has no such requirement for the teacher on the date).
     */
    public record RequirementResult(String code, String label, PolicyTestCase.Expectation expected, Outcome current,
                                    Outcome draft, boolean changedByDraft) {
    }

    /** The result under one policy: the case passes when every expectation it states is fulfilled. */
    public record Verdict(boolean passes, String error) {
    }

    /** One case's results; {@code draft} is null when the run had no draft. */
    public record CaseResult(PolicyTestCase testCase, List<RequirementResult> requirements, Verdict current,
                             Verdict draft) {
    }

    public static List<CaseResult> run(List<PolicyTestCase> cases, PolicyUnderTest current, PolicyUnderTest draft) {
        return cases.stream().map(c -> run(c, current, draft)).toList();
    }

    static CaseResult run(PolicyTestCase testCase, PolicyUnderTest current, PolicyUnderTest draft) {
        Standing now = standing(testCase, current);
        Standing then = draft == null ? null : standing(testCase, draft);
        Set<String> codes = new LinkedHashSet<>(testCase.expected().keySet());
        codes.addAll(now.outcomes().keySet());
        if (then != null) {
            codes.addAll(then.outcomes().keySet());
        }
        List<RequirementResult> requirements = new ArrayList<>();
        for (String code : codes) {
            String label = now.labels().getOrDefault(code, then == null ? code : then.labels().getOrDefault(code, code));
            Outcome before = now.outcomes().get(code);
            Outcome after = then == null ? null : then.outcomes().get(code);
            requirements.add(new RequirementResult(code, label, testCase.expected().get(code), before, after,
                    then != null && !sameStanding(before, after)));
        }
        return new CaseResult(testCase, requirements, now.verdict(testCase), then == null ? null : then.verdict(testCase));
    }

    private static boolean sameStanding(Outcome before, Outcome after) {
        return before == null ? after == null
                : after != null && before.met() == after.met() && before.missing().compareTo(after.missing()) == 0;
    }

    /** The outcomes by requirement code under one policy, or why none could be computed. */
    private record Standing(Map<String, Outcome> outcomes, Map<String, String> labels, String error) {

        Verdict verdict(PolicyTestCase testCase) {
            if (error != null) {
                return new Verdict(false, error);
            }
            boolean passes = testCase.expected().entrySet().stream()
                    .allMatch(e -> outcomes.containsKey(e.getKey()) && outcomes.get(e.getKey()).fulfils(e.getValue()));
            return new Verdict(passes, null);
        }
    }

    private static Standing standing(PolicyTestCase testCase, PolicyUnderTest policy) {
        PolicyTestCase.TeacherFacts teacher = testCase.teacher();
        TeacherStatus status;
        try {
            PolicyProfile version = policy.versionOn(testCase.profileCode(), testCase.asOf());
            TeacherPolicy teacherPolicy = new TeacherPolicy(null, version, teacher.cityCode(), teacher.stage(),
                    teacher.hireDate(), teacher.lastCertificateIssuedOn(), teacher.principalAppointedOn());
            PolicyKey key = teacherPolicy.key();
            status = StatusArithmetic.statusOf(teacherPolicy, testCase.asOf(), policy.decisions().cycleRule(key),
                    policy.decisions().requirements(key), StatusArithmetic.sumsOf(testCase.entries()));
        } catch (BusinessRuleException e) {
            return new Standing(Map.of(), Map.of(), testCase.asOf() + " 没有生效的 " + testCase.profileCode() + " 版本");
        } catch (RuntimeException e) {
            // A draft table is untrusted input: one that matches no row or fails to evaluate fails the case, with why.
            return new Standing(Map.of(), Map.of(), "决策表无法给出结果：" + e.getMessage());
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (TeacherStatus.RequirementStatus requirement : status.requirements()) {
            outcomes.put(requirement.code(), new Outcome(requirement.met(), requirement.required(), requirement.missing()));
            labels.put(requirement.code(), requirement.label());
        }
        return new Standing(outcomes, labels, null);
    }
}
