package cn.shixun.processowner;

import cn.shixun.ledger.StatusArithmetic;
import cn.shixun.processowner.testcases.PolicyTestCase;
import cn.shixun.processowner.testcases.PolicyTestRun;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of a profile's test cases as the console's tables show it: per case and requirement the
 * standing in words (期望 / 现行版本 / 草稿), the requirement a draft changes marked, and for a case
 * the draft fails the expectation that would make it pass ("按草稿结果更新期望").
 */
final class TestRunView {

    private TestRunView() {
    }

    /** One requirement of a case in words; {@code mismatch…} when that column does not give what is expected. */
    record Requirement(String code, String label, String expected, String current, String draft, boolean changedByDraft,
                       boolean mismatchCurrent, boolean mismatchDraft) {
    }

    /**
     * One case. {@code changedByDraft} when the draft changes a requirement the case states (one it does not
     * state is marked on its row, but leaves the case as it was). {@code draftExpectation} is the JSON body that records the draft's results as the case's
     * expectation, for the requirements the case states; null when the draft passes it or cannot answer it.
     */
    record Case(long id, String name, String seedKey, String asOf, int lockVersion, String teacher, List<String> entries,
                List<Requirement> requirements, PolicyTestRun.Verdict current, PolicyTestRun.Verdict draft,
                boolean changedByDraft, String draftExpectation) {
    }

    static List<Case> of(List<PolicyTestRun.CaseResult> results, ObjectMapper json) {
        return results.stream().map(result -> of(result, json)).toList();
    }

    private static Case of(PolicyTestRun.CaseResult result, ObjectMapper json) {
        PolicyTestCase testCase = result.testCase();
        List<Requirement> requirements = result.requirements().stream().map(r -> new Requirement(r.code(), r.label(),
                expected(r.expected()), outcome(r.current()), result.draft() == null ? null : outcome(r.draft()),
                r.changedByDraft(), mismatch(r.expected(), r.current()),
                result.draft() != null && mismatch(r.expected(), r.draft()))).toList();
        return new Case(testCase.id(), testCase.name(), testCase.seedKey(), testCase.asOf().toString(),
                testCase.lockVersion(), teacher(testCase.teacher()),
                testCase.entries().stream().map(TestRunView::entry).toList(), requirements, result.current(), result.draft(),
                result.requirements().stream().anyMatch(r -> r.changedByDraft() && r.expected() != null),
                draftExpectation(result, json));
    }

    /** The case's stated requirements with the draft's standing; null when the draft passes or lacks one of them. */
    private static String draftExpectation(PolicyTestRun.CaseResult result, ObjectMapper json) {
        if (result.draft() == null || result.draft().passes() || result.draft().error() != null) {
            return null;
        }
        Map<String, PolicyTestCase.Expectation> expected = new LinkedHashMap<>();
        for (PolicyTestRun.RequirementResult r : result.requirements()) {
            if (r.expected() == null) {
                continue;
            }
            if (r.draft() == null) {
                return null;
            }
            // A case that states only met / not met keeps doing so.
            expected.put(r.code(), new PolicyTestCase.Expectation(r.draft().met(),
                    r.expected().missing() == null ? null : r.draft().missing().stripTrailingZeros()));
        }
        try {
            return json.writeValueAsString(expected);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean mismatch(PolicyTestCase.Expectation expected, PolicyTestRun.Outcome outcome) {
        return expected != null && (outcome == null || outcome.met() != expected.met()
                || expected.missing() != null && outcome.missing().compareTo(expected.missing()) != 0);
    }

    private static String expected(PolicyTestCase.Expectation expected) {
        if (expected == null) {
            return "—";
        }
        if (expected.met()) {
            return "达标";
        }
        return expected.missing() == null ? "未达标" : "差 " + hours(expected.missing()) + " 学时";
    }

    private static String outcome(PolicyTestRun.Outcome outcome) {
        if (outcome == null) {
            return "无此要求";
        }
        return (outcome.met() ? "达标" : "差 " + hours(outcome.missing()) + " 学时")
                + "（要求 " + hours(outcome.required()) + "）";
    }

    private static String teacher(PolicyTestCase.TeacherFacts teacher) {
        StringBuilder text = new StringBuilder(teacher.stage() == null ? "" : teacher.stage().label());
        text.append(" · 城市 ").append(teacher.cityCode());
        if (teacher.hireDate() != null) {
            text.append(" · 入职 ").append(teacher.hireDate());
        }
        if (teacher.lastCertificateIssuedOn() != null) {
            text.append(" · 上次证书 ").append(teacher.lastCertificateIssuedOn());
        }
        if (teacher.principalAppointedOn() != null) {
            text.append(" · 任校长 ").append(teacher.principalAppointedOn());
        }
        return text.toString();
    }

    private static String entry(StatusArithmetic.Entry entry) {
        return entry.date() + " " + entry.category().label() + " " + hours(entry.hours()) + " 学时";
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
