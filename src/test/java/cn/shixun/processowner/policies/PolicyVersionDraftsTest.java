package cn.shixun.processowner.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.testcases.PolicyTestRun;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A new notice as a draft policy version (issue 12): Sanmenxia's version in force copied for a 2026
 * notice, a yearly minimum lowered in the draft's requirements table, and the test cases run on the
 * draft beside the published version — with nothing published. The only test in the shared context
 * that starts a sanmenxia-2023 draft (one draft per profile at a time).
 */
@SpringBootTest
class PolicyVersionDraftsTest {

    private static final String OWNER = "policydrafts.owner";
    private static final String NOTICE = """
            {"title": "三门峡市2026年基础教育教师继续教育工作实施方案", "issuingBody": "三门峡市教育局",
             "documentNumber": "三教〔2026〕1号", "effectiveFrom": "2026-01-01"}""";

    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired ModelDrafts drafts;
    @Autowired PolicyVersionDrafts policyDrafts;
    @Autowired PolicyProfiles profiles;
    @Autowired ObjectMapper json;

    @Test
    void R10_aCopiedVersionWithALoweredSchoolBasedMinimumChangesOneTestCase_andNothingIsPublished() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ownerAccount();

        mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts").contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE.replace("2026-01-01", "2022-06-01")).with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("effectiveFrom"));
        JsonNode draft = json.readTree(mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts")
                        .contentType(MediaType.APPLICATION_JSON).content(NOTICE).with(csrf()).with(owner()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.version").value(2))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(draft.get("tableDrafts").size()).isEqualTo(PolicyDecisions.TABLES.size());
        mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts").contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE.replace("2026-01-01", "2027-01-01")).with(csrf()).with(owner()))
                .andExpect(status().isConflict());

        ModelDraft requirements = drafts.get(draft.get("tableDrafts").get(PolicyDecisions.REQUIREMENTS).asLong());
        String lowered = lowerVersion2Minimum(requirements.content(), "YEAR_SCHOOL_BASED", "16", "10");
        mvc.perform(put("/process-owner/api/drafts/" + requirements.id()).header("If-Match", requirements.lockVersion())
                        .contentType(MediaType.APPLICATION_XML).content(lowered.getBytes(StandardCharsets.UTF_8))
                        .with(csrf()).with(owner()))
                .andExpect(status().isOk());

        List<PolicyTestRun.CaseResult> results = policyDrafts.runTestCases(draft.get("id").asLong());
        PolicyTestRun.CaseResult surplus = results.stream()
                .filter(r -> "sanmenxia-2023/R-10-surplus-does-not-fill-another-category".equals(r.testCase().seedKey()))
                .findFirst().orElseThrow();
        assertThat(surplus.current().passes()).isTrue();
        assertThat(surplus.draft().passes()).as("the case expects 6 hours missing under 16").isFalse();
        assertThat(surplus.requirements()).filteredOn(PolicyTestRun.RequirementResult::changedByDraft)
                .extracting(PolicyTestRun.RequirementResult::code).containsExactly("YEAR_SCHOOL_BASED");
        assertThat(results).filteredOn(r -> r != surplus).allSatisfy(r ->
                assertThat(r.draft().passes()).as(r.testCase().name() + " " + r.draft().error()).isTrue());
        mvc.perform(get("/process-owner/api/policy-drafts/" + draft.get("id").asLong() + "/test-cases/results").with(owner()))
                .andExpect(status().isOk());

        assertThat(profiles.version("sanmenxia-2023", LocalDate.of(2026, 6, 1)).version())
                .as("a draft is not in force").isEqualTo(1);
        mvc.perform(get("/process-owner/api/policy-drafts/" + draft.get("id").asLong())
                        .with(user("manager").roles("MANAGER")))
                .andExpect(status().isForbidden());
    }

    /** The draft's table with the version 2 copy of requirement {@code code} changed from {@code from} to {@code to} hours. */
    private static String lowerVersion2Minimum(String table, String code, String from, String to) {
        Matcher rule = Pattern.compile("<rule id=\"[^\"]+_v2\">(?:(?!</rule>).)*(?:&quot;|\")" + code
                + "(?:&quot;|\")(?:(?!</rule>).)*</rule>",
                Pattern.DOTALL).matcher(table);
        assertThat(rule.find()).as("a version 2 row of " + code).isTrue();
        String changed = rule.group().replaceFirst("<text>" + from + "</text>", "<text>" + to + "</text>");
        assertThat(changed).as("the row's minimum was " + from).isNotEqualTo(rule.group());
        return table.replace(rule.group(), changed);
    }

    private static RequestPostProcessor owner() {
        return SecurityMockMvcRequestPostProcessors.user(OWNER).roles("PROCESS_OWNER");
    }

    private void ownerAccount() {
        if (!accounts.exists(OWNER)) {
            accounts.createAccount(OWNER, "Owner-Passw0rd!", "周涛", Role.PROCESS_OWNER,
                    organisations.findByCode("940001").orElseGet(() -> organisations.createRegion("940001", "草稿省",
                            OrganisationLevel.PROVINCE, null, "sanmenxia-2023")).getId());
        }
    }
}
