package cn.shixun.processowner.testcases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.processowner.DecisionOverrides;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The policy test cases of issue 12: the repository's R-cases are imported per profile, pass under
 * the published tables, and show beside a draft which standing the draft changes.
 */
@SpringBootTest
class PolicyTestCasesTest {

    private static final String OWNER = "testcases.owner";
    private static final String SURPLUS_CASE = "sanmenxia-2023/R-10-surplus-does-not-fill-another-category";

    @Autowired PolicyTests tests;
    @Autowired PolicyTestCases cases;
    @Autowired PolicyTestCaseSeeds seeds;
    @Autowired PolicyDecisions decisions;
    @Autowired JdbcTemplate jdbc;
    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;

    @Test
    void everySeededCasePassesUnderThePublishedTables() {
        for (String profile : List.of("henan-2016", "kunming-2015", "sanmenxia-2023")) {
            List<PolicyTestRun.CaseResult> results = tests.run(profile);
            assertThat(results).as(profile).hasSizeGreaterThanOrEqualTo(3);
            assertThat(results).as(profile + ": every seeded case passes")
                    .allSatisfy(r -> assertThat(r.current().passes()).as(r.testCase().name() + " " + r.current().error()).isTrue());
        }
    }

    @Test
    void R10_aDraftLoweringTheSchoolBasedMinimumChangesExactlyTheCaseThatWasShort() {
        PolicyUnderTest draft = new PolicyUnderTest(tests.published().versions(),
                DecisionOverrides.requirementMinimum(decisions, "YEAR_SCHOOL_BASED", "10"));

        List<PolicyTestRun.CaseResult> results = tests.run("sanmenxia-2023", draft);

        PolicyTestRun.CaseResult surplus = bySeed(results, SURPLUS_CASE);
        assertThat(surplus.current().passes()).isTrue();
        assertThat(surplus.draft().passes()).as("the case still expects 6 hours missing").isFalse();
        PolicyTestRun.RequirementResult schoolBased = surplus.requirements().stream()
                .filter(r -> r.code().equals("YEAR_SCHOOL_BASED")).findFirst().orElseThrow();
        assertThat(schoolBased.changedByDraft()).isTrue();
        assertThat(schoolBased.current().missing()).isEqualByComparingTo("6");
        assertThat(schoolBased.draft().met()).isTrue();
        assertThat(surplus.requirements()).filteredOn(PolicyTestRun.RequirementResult::changedByDraft).hasSize(1);
        assertThat(results).filteredOn(r -> r != surplus)
                .allSatisfy(r -> assertThat(r.draft().passes()).as(r.testCase().name()).isTrue());
    }

    @Test
    void aDraftWhoseTableCannotAnswerFailsTheCasesWithTheReason() {
        PolicyUnderTest broken = new PolicyUnderTest(tests.published().versions(),
                DecisionOverrides.cycleRulesFailing(decisions, "decision cycleRules:9 matched no row for cycleRules"));

        PolicyTestRun.CaseResult result = bySeed(tests.run("kunming-2015", broken), "kunming-2015/R-09-72-every-year-met");

        assertThat(result.current().passes()).isTrue();
        assertThat(result.draft().passes()).isFalse();
        assertThat(result.draft().error()).contains("决策表无法给出结果", "matched no row");
    }

    @Test
    void anExpectationChangedOnPurposeIsKept_auditedAndAStaleChangeIsRefused() {
        PolicyTestCase surplus = bySeed(tests.run("sanmenxia-2023"), SURPLUS_CASE).testCase();
        Map<String, PolicyTestCase.Expectation> lowered = Map.of("YEAR_SCHOOL_BASED",
                new PolicyTestCase.Expectation(true, BigDecimal.ZERO));
        long audits = auditLines(surplus.id());
        try {
            tests.expect(surplus.id(), surplus.lockVersion(), lowered, "process.owner");

            PolicyTestCase after = cases.find(surplus.id());
            assertThat(after.expected()).isEqualTo(lowered);
            assertThat(after.lockVersion()).isEqualTo(surplus.lockVersion() + 1);
            assertThat(auditLines(surplus.id())).isEqualTo(audits + 1);
            assertThatThrownBy(() -> tests.expect(surplus.id(), surplus.lockVersion(), surplus.expected(), "process.owner2"))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
            assertThat(cases.find(surplus.id()).expected()).as("the stale change wrote nothing").isEqualTo(lowered);

            seeds.importMissing();
            assertThat(cases.find(surplus.id()).expected()).as("a restart keeps the owner's change").isEqualTo(lowered);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_test_case WHERE seed_key = ?", Integer.class,
                    SURPLUS_CASE)).isEqualTo(1);
        } finally {
            PolicyTestCase now = cases.find(surplus.id());
            tests.expect(surplus.id(), now.lockVersion(), surplus.expected(), "process.owner");
        }
    }

    @Test
    void onlyProcessOwnersReachTheTestCases_andAnEmptyExpectationIsRefusedByField() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (!accounts.exists(OWNER)) {
            accounts.createAccount(OWNER, "Owner-Passw0rd!", "周涛", Role.PROCESS_OWNER,
                    organisations.findByCode("940000").orElseGet(() -> organisations.createRegion("940000", "用例省",
                            OrganisationLevel.PROVINCE, null, "sanmenxia-2023")).getId());
        }
        mvc.perform(get("/process-owner/api/policies/sanmenxia-2023/test-cases/results").with(user(OWNER).roles("PROCESS_OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].current.passes").value(true));
        mvc.perform(get("/process-owner/api/policies/sanmenxia-2023/test-cases").with(user("manager").roles("MANAGER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/process-owner/api/policies/atlantis-2030/test-cases").with(user(OWNER).roles("PROCESS_OWNER")))
                .andExpect(status().isNotFound());
        PolicyTestCase any = tests.ofProfile("kunming-2015").get(0);
        mvc.perform(put("/process-owner/api/test-cases/" + any.id() + "/expected").header("If-Match", any.lockVersion())
                        .contentType(MediaType.APPLICATION_JSON).content("{}").with(csrf())
                        .with(user(OWNER).roles("PROCESS_OWNER")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("expected"));
        assertThat(cases.find(any.id()).lockVersion()).isEqualTo(any.lockVersion());
    }

    private long auditLines(Long caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'policy-test-case.expect' AND subject_id = ?",
                Long.class, String.valueOf(caseId));
    }

    private static PolicyTestRun.CaseResult bySeed(List<PolicyTestRun.CaseResult> results, String seedKey) {
        return results.stream().filter(r -> seedKey.equals(r.testCase().seedKey())).findFirst().orElseThrow();
    }
}
