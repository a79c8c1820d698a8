package cn.shixun.processowner.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.processowner.DraftRows;
import cn.shixun.processowner.SanmenxiaTeachers;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The four-eyes publication of a new Sanmenxia notice (issue 12): refused over credited hours and to
 * its own submitter, deployed and in force from its effective date once a second process owner
 * approves, returned with a reason otherwise. Publishes for real, so the context (and its database)
 * is not reused after this class.
 */
@SpringBootTest
@DirtiesContext
class PolicyPublicationTest {

    private static final String FIRST = "publication.owner1";
    private static final String SECOND = "publication.owner2";

    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired ModelDrafts drafts;
    @Autowired PolicyProfiles profiles;
    @Autowired TeacherStatusQuery status;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    MockMvc mvc;
    SanmenxiaTeachers sanmenxia;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        sanmenxia = new SanmenxiaTeachers(organisations, teachers, ledger);
        Long province = organisations.findByCode("940002").orElseGet(() -> organisations.createRegion("940002", "发布省",
                OrganisationLevel.PROVINCE, null, "sanmenxia-2023")).getId();
        for (String owner : new String[] {FIRST, SECOND}) {
            if (!accounts.exists(owner)) {
                accounts.createAccount(owner, "Owner-Passw0rd!", owner, Role.PROCESS_OWNER, province);
            }
        }
    }

    @Test
    void R10_aNewNoticeIsInForceFromItsDateOnceASecondOwnerApproves_notBefore_andOldEntriesKeepTheirVersion() throws Exception {
        Teacher teacher = sanmenxia.teacher(sanmenxia.school(), "发布前已登记");
        sanmenxia.creditYear(teacher, 2025, "10");

        // An effective date over credited hours is refused, and the draft stays a draft.
        JsonNode early = copy("2025-05-02");
        mvc.perform(post("/process-owner/api/policy-drafts/" + early.get("id").asLong() + "/publication").with(csrf()).with(as(FIRST)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("effectiveFrom"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_publication", Integer.class)).isZero();
        mvc.perform(post("/process-owner/api/policy-drafts/" + early.get("id").asLong() + "/discard").with(csrf()).with(as(FIRST)))
                .andExpect(status().isNoContent());

        JsonNode draft = copy("2027-01-01");
        long versionId = draft.get("id").asLong();
        lowerSchoolBasedMinimum(draft, "10");
        String location = mvc.perform(post("/process-owner/api/policy-drafts/" + versionId + "/publication")
                        .with(csrf()).with(as(FIRST)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andReturn().getResponse().getHeader("Location");
        long deployments = repository.createDeploymentQuery().count();

        // Submitted: the tables can no longer change, and the submitter cannot approve.
        ModelDraft requirements = drafts.get(draft.get("tableDrafts").get(PolicyDecisions.REQUIREMENTS).asLong());
        assertThat(requirements.state()).isEqualTo(ModelDraft.State.SUBMITTED);
        mvc.perform(post(location + "/approval").with(csrf()).with(as(FIRST)))
                .andExpect(status().isForbidden());
        assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
        assertThat(profiles.version("sanmenxia-2023", LocalDate.of(2027, 3, 1)).version()).isEqualTo(1);

        mvc.perform(post(location + "/approval").with(csrf()).with(as(SECOND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(SECOND));
        assertThat(repository.createDeploymentQuery().count()).as("the case deploys, not the page").isEqualTo(deployments);
        runPublishJob(location);

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        assertThat(profiles.version("sanmenxia-2023", LocalDate.of(2027, 3, 1)).version()).isEqualTo(2);
        assertThat(status.statusOf(teacher.getId(), LocalDate.of(2027, 1, 1)).requirement("YEAR_SCHOOL_BASED").required())
                .as("the new minimum from the effective date").isEqualByComparingTo("10");
        assertThat(status.statusOf(teacher.getId(), LocalDate.of(2026, 12, 31)).requirement("YEAR_SCHOOL_BASED").required())
                .as("the day before, the version before").isEqualByComparingTo("16");
        assertThat(status.statusOf(teacher.getId(), LocalDate.of(2025, 12, 31)).requirement("YEAR_SCHOOL_BASED").missing())
                .as("2025 stays judged by version 1").isEqualByComparingTo("6");
        assertThat(ledger.entriesOf(teacher.getId())).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.profileVersion()).isEqualTo(1));
        assertThat(drafts.get(requirements.id()).state()).isEqualTo(ModelDraft.State.PUBLISHED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action IN ('policy-publication.submit', "
                + "'policy-publication.approve', 'policy-publication.deploy') AND subject_id = ?", Integer.class,
                String.valueOf(versionId))).isEqualTo(3);
        mvc.perform(post(location + "/approval").with(csrf()).with(as(SECOND))).andExpect(status().isConflict());
    }

    @Test
    void aPublicationReturnedWithItsReasonIsADraftAgain_withoutAReasonItIsNotReturned() throws Exception {
        JsonNode draft = copy("2029-01-01");
        String location = mvc.perform(post("/process-owner/api/policy-drafts/" + draft.get("id").asLong() + "/publication")
                        .with(csrf()).with(as(FIRST)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(post(location + "/rejection").contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \" \"}")
                        .with(csrf()).with(as(SECOND)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("comment"));
        mvc.perform(post(location + "/rejection").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"文号写错了\"}").with(csrf()).with(as(SECOND)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REJECTED"))
                .andExpect(jsonPath("$.comment").value("文号写错了"));

        ModelDraft requirements = drafts.get(draft.get("tableDrafts").get(PolicyDecisions.REQUIREMENTS).asLong());
        assertThat(requirements.state()).as("editable again").isEqualTo(ModelDraft.State.EDITING);
        mvc.perform(post("/process-owner/api/policy-drafts/" + draft.get("id").asLong() + "/discard").with(csrf()).with(as(FIRST)))
                .andExpect(status().isNoContent());
    }

    @Test
    void thePublicationPageShowsWhatTheTablesChange_andOnlyASecondOwnerMayApprove_aReturnNeedsItsReason() throws Exception {
        JsonNode draft = copy("2031-01-01");
        lowerSchoolBasedMinimum(draft, "12");
        String submitted = mvc.perform(post("/process-owner/policy-drafts/" + draft.get("id").asLong() + "/publication")
                        .with(csrf()).with(as(FIRST)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(submitted).with(as(FIRST)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"own-submission\""),
                        not(containsString("data-test=\"approve\"")))));
        String page = mvc.perform(get(submitted).with(as(SECOND)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"approve\""),
                        containsString("data-kind=\"ADDED\""), containsString("最低学时："), containsString(">12<"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("data-kind=\"REMOVED\"");

        mvc.perform(post(submitted + "/rejection").param("comment", "").with(csrf()).with(as(SECOND)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("data-test=\"error-comment\"")));
        mvc.perform(post(submitted + "/rejection").param("comment", "施行日期与文件不符").with(csrf()).with(as(SECOND)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/process-owner/publications").with(as(SECOND)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-state=\"REJECTED\""), containsString("已退回"))));
        mvc.perform(get("/process-owner/publications").with(user("manager").roles("MANAGER")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/process-owner/api/policy-drafts/" + draft.get("id").asLong() + "/discard").with(csrf()).with(as(FIRST)))
                .andExpect(status().isNoContent());
    }

    /** Runs the publication case's deployment step, as the job executor would (it is off in the tests). */
    private void runPublishJob(String location) {
        String id = location.substring(location.lastIndexOf('/') + 1);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey("policyPublication").singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    }

    private JsonNode copy(String effectiveFrom) throws Exception {
        String notice = "{\"title\": \"三门峡市教师继续教育新方案\", \"issuingBody\": \"三门峡市教育局\", \"effectiveFrom\": \""
                + effectiveFrom + "\"}";
        return json.readTree(mvc.perform(post("/process-owner/api/policies/sanmenxia-2023/drafts")
                        .contentType(MediaType.APPLICATION_JSON).content(notice).with(csrf()).with(as(FIRST)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Saves the draft's requirements table with the new version's yearly school-based minimum changed from 16. */
    private void lowerSchoolBasedMinimum(JsonNode draft, String hours) throws Exception {
        ModelDraft requirements = drafts.get(draft.get("tableDrafts").get(PolicyDecisions.REQUIREMENTS).asLong());
        String changed = DraftRows.withMinimum(requirements.content(), "YEAR_SCHOOL_BASED",
                draft.get("version").get("version").asInt(), "16", hours);
        mvc.perform(put("/process-owner/api/drafts/" + requirements.id()).header("If-Match", requirements.lockVersion())
                        .contentType(MediaType.APPLICATION_XML).content(changed.getBytes(StandardCharsets.UTF_8))
                        .with(csrf()).with(as(FIRST)))
                .andExpect(status().isOk());
    }

    private static RequestPostProcessor as(String owner) {
        return user(owner).roles("PROCESS_OWNER");
    }
}
