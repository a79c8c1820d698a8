package cn.shixun.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Stage;
import cn.shixun.processowner.testcases.PolicyTestCase;
import cn.shixun.processowner.testcases.PolicyTestRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the console words a test run beside a draft, and which cases it marks as changed by the draft. */
class TestRunViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void R10_aCaseIsChangedByTheDraftOnlyWhereARequirementItStatesChanges_andIsOfferedTheDraftsResultAsItsExpectation() {
        Map<String, PolicyTestCase.Expectation> expected = new LinkedHashMap<>();
        expected.put("YEAR_SCHOOL_BASED", new PolicyTestCase.Expectation(false, new BigDecimal("6")));
        expected.put("YEAR_TOTAL", new PolicyTestCase.Expectation(true, null));
        PolicyTestRun.CaseResult surplus = new PolicyTestRun.CaseResult(testCase(expected), List.of(
                new PolicyTestRun.RequirementResult("YEAR_SCHOOL_BASED", "校本研修每年16学时", expected.get("YEAR_SCHOOL_BASED"),
                        outcome(false, "16", "6"), outcome(true, "10", "0.0"), true),
                new PolicyTestRun.RequirementResult("YEAR_TOTAL", "每年90学时", expected.get("YEAR_TOTAL"),
                        outcome(true, "90", "0"), outcome(true, "90", "0"), false)),
                new PolicyTestRun.Verdict(true, null), new PolicyTestRun.Verdict(false, null));
        PolicyTestRun.CaseResult unstated = new PolicyTestRun.CaseResult(testCase(Map.of("YEAR_TOTAL",
                new PolicyTestCase.Expectation(true, null))), List.of(
                new PolicyTestRun.RequirementResult("YEAR_TOTAL", "每年90学时", new PolicyTestCase.Expectation(true, null),
                        outcome(true, "90", "0"), outcome(true, "90", "0"), false),
                new PolicyTestRun.RequirementResult("YEAR_SCHOOL_BASED", "校本研修每年16学时", null,
                        outcome(false, "16", "16"), outcome(false, "10", "10"), true)),
                new PolicyTestRun.Verdict(true, null), new PolicyTestRun.Verdict(true, null));

        List<TestRunView.Case> view = TestRunView.of(List.of(surplus, unstated), JSON);

        TestRunView.Case changed = view.get(0);
        assertThat(changed.changedByDraft()).isTrue();
        assertThat(changed.requirements().get(0)).extracting(TestRunView.Requirement::expected,
                TestRunView.Requirement::current, TestRunView.Requirement::draft, TestRunView.Requirement::mismatchDraft)
                .containsExactly("差 6 学时", "差 6 学时（要求 16）", "达标（要求 10）", true);
        assertThat(changed.draftExpectation()).as("the draft's result for what the case states; met-only stays met-only")
                .isEqualTo("{\"YEAR_SCHOOL_BASED\":{\"met\":true,\"missing\":0},\"YEAR_TOTAL\":{\"met\":true,\"missing\":null}}");

        TestRunView.Case untouched = view.get(1);
        assertThat(untouched.changedByDraft()).as("the draft changes only a requirement the case does not state").isFalse();
        assertThat(untouched.requirements().get(1).changedByDraft()).as("marked on its row all the same").isTrue();
        assertThat(untouched.draftExpectation()).as("a case the draft passes needs no new expectation").isNull();
    }

    private static PolicyTestRun.Outcome outcome(boolean met, String required, String missing) {
        return new PolicyTestRun.Outcome(met, new BigDecimal(required), new BigDecimal(missing));
    }

    private static PolicyTestCase testCase(Map<String, PolicyTestCase.Expectation> expected) {
        return new PolicyTestCase(1L, "sanmenxia-2023", null, "R-10 三门峡", LocalDate.of(2024, 11, 1),
                new PolicyTestCase.TeacherFacts("411200", Stage.PRIMARY, LocalDate.of(2010, 9, 1), null, null), List.of(),
                expected, 0);
    }
}
