package cn.shixun.processowner.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.processowner.DraftRows;
import cn.shixun.processowner.SanmenxiaTeachers;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.impact.ImpactPreviews;
import cn.shixun.processowner.impact.ImpactScan;
import cn.shixun.processowner.testcases.PolicyTestRun;
import cn.shixun.processowner.testcases.PolicyUnderTest;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
    @Autowired ImpactPreviews previews;
    @Autowired ImpactScan scan;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired Clock clock;

    /** The 2026 draft with its school-based minimum lowered from 16 to 10, started once for both tests. */
    private JsonNode draft;

    private synchronized JsonNode loweredDraft(MockMvc mvc) throws Exception {
        if (draft != null) {
            return draft;
        }
        ownerAccount();
        mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts").contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE.replace("2026-01-01", "2022-06-01")).with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("effectiveFrom"));
        mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts").contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE.replace("}", ", \"effectiveTo\": \"2025-12-31\"}")).with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("effectiveTo"));
        draft = json.readTree(mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts")
                        .contentType(MediaType.APPLICATION_JSON).content(NOTICE).with(csrf()).with(owner()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.version").value(2))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(draft.get("tableDrafts").size()).isEqualTo(PolicyDecisions.TABLES.size());
        for (JsonNode tableDraft : draft.get("tableDrafts")) {
            mvc.perform(post("/process-owner/api/drafts/" + tableDraft.asLong() + "/validation").with(csrf()).with(owner()))
                    .andExpect(status().isOk())
                    .andExpect(content().json("[]"));
        }
        mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts").contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE.replace("2026-01-01", "2027-01-01")).with(csrf()).with(owner()))
                .andExpect(status().isConflict());
        mvc.perform(put("/process-owner/api/policy-drafts/" + draft.get("id").asLong() + "/notice")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE.replace("}", ", \"regions\": [\"999999\"]}")).with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("regions"));

        ModelDraft requirements = drafts.get(draft.get("tableDrafts").get(PolicyDecisions.REQUIREMENTS).asLong());
        String lowered = DraftRows.withMinimum(requirements.content(), "YEAR_SCHOOL_BASED", 2, "16", "10");
        mvc.perform(put("/process-owner/api/drafts/" + requirements.id()).header("If-Match", requirements.lockVersion())
                        .contentType(MediaType.APPLICATION_XML).content(lowered.getBytes(StandardCharsets.UTF_8))
                        .with(csrf()).with(owner()))
                .andExpect(status().isOk());
        return draft;
    }

    @Test
    void R10_aCopiedVersionWithALoweredSchoolBasedMinimumChangesOneTestCase_andNothingIsPublished() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        JsonNode draft = loweredDraft(mvc);

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

    @Test
    void R10_theImpactPreviewCountsEveryTeacherOfTheProfile_andNamesThoseTheLoweredMinimumChanges() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        JsonNode draft = loweredDraft(mvc);
        SanmenxiaTeachers sanmenxia = new SanmenxiaTeachers(organisations, teachers, ledger);
        Long school = sanmenxia.school();
        Teacher shortBySix = sanmenxia.teacher(school, "差六学时");
        sanmenxia.creditYear(shortBySix, 2026, "10");
        Teacher metAll = sanmenxia.teacher(school, "全部达标");
        sanmenxia.creditYear(metAll, 2026, "16");

        String location = mvc.perform(post("/process-owner/api/policy-drafts/" + draft.get("id").asLong() + "/impact")
                        .with(csrf()).with(owner()))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        previews.runToEnd(id);

        ImpactPreviews.Preview preview = previews.get(id);
        assertThat(preview.state()).isEqualTo("DONE");
        assertThat(preview.asOf()).as("today: the draft took effect before").isEqualTo(LocalDate.now(clock));
        List<Long> schools = scan.schoolsOf("sanmenxia-2023");
        assertThat(preview.schoolsTotal()).isEqualTo(schools.size());
        assertThat(preview.schoolsDone()).isEqualTo(schools.size());
        PolicyUnderTest lowered = policyDrafts.underTest(draft.get("id").asLong());
        List<ImpactScan.SchoolResult> bySchool = schools.stream()
                .map(s -> scan.scanSchool(s, "sanmenxia-2023", preview.asOf(), policyDrafts.published(), lowered)).toList();
        assertThat(preview.checked()).isEqualTo(bySchool.stream().mapToInt(ImpactScan.SchoolResult::checked).sum());
        assertThat(preview.changed()).isEqualTo(bySchool.stream().mapToInt(r -> r.changes().size()).sum());
        assertThat(preview.sample()).hasSize(Math.min(ImpactPreviews.SAMPLE_SIZE, preview.changed()));
        assertThat(bySchool.get(schools.indexOf(school)).changes()).extracting(ImpactScan.Change::teacherId)
                .containsExactly(shortBySix.getId());
        assertThat(preview.stale()).isFalse();

        ModelDraft requirements = drafts.get(draft.get("tableDrafts").get(PolicyDecisions.REQUIREMENTS).asLong());
        mvc.perform(put("/process-owner/api/drafts/" + requirements.id()).header("If-Match", requirements.lockVersion())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(requirements.content().replace("</definitions>", "<!-- 再改一次 --></definitions>")
                                .getBytes(StandardCharsets.UTF_8))
                        .with(csrf()).with(owner()))
                .andExpect(status().isOk());
        mvc.perform(get(location).with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stale").value(true));
    }

    /** Gives the draft up, so that the number 2 is free for the other tests of this context (PolicyVersionsTest). */
    @AfterAll
    void discardTheDraft() throws Exception {
        if (draft == null) {
            return;
        }
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        long id = draft.get("id").asLong();
        mvc.perform(post("/process-owner/api/policy-drafts/" + id + "/discard").with(csrf()).with(owner()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/process-owner/api/policy-drafts/" + id).with(owner())).andExpect(status().isNotFound());
        draft = null;
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
