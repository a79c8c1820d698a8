package cn.shixun.processowner.migration;

import static cn.shixun.processowner.migration.TwoExemptionVersions.AUTHORITY_REVIEW;
import static cn.shixun.processowner.migration.TwoExemptionVersions.CITY_REVIEW;
import static cn.shixun.processowner.migration.TwoExemptionVersions.SCHOOL_REVIEW;
import static cn.shixun.processowner.migration.TwoExemptionVersions.SCHOOL_REVIEW_RENAMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.ExemptionStatus;
import cn.shixun.processowner.migration.PlanPreview.Row;
import cn.shixun.security.Accounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teachers;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 12's third "Done when": running cases move between two versions of degreeExemption with the
 * plan shown first — school review renamed and a city review added in the target, deployed as a
 * system administrator does; one case waits at the school's review, one at the authority's. The
 * plan page names each step on both sides with its open cases; executing starts the engine's batch,
 * whose jobs the test runs (the job executor is off in tests; in the application any node's runs
 * them); the moved cases go on through the new city review to their credit. A plan that cannot be
 * executed — another procedure, a target without the steps where the cases wait — is refused with
 * its reason on the page, and nothing moves. Same context as the browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class CaseMigrationIT {

    @LocalServerPort int port;
    @Autowired WebApplicationContext context;
    @Autowired UserDetailsService users;
    @Autowired CaseMigrations migrations;
    @Autowired DegreeExemptions exemptions;
    @Autowired CaseTasks cases;
    @Autowired Accounts accounts;
    @Autowired Teachers teachers;
    @Autowired EvidenceFiles evidence;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    TwoExemptionVersions versions;
    ProcessDefinition source;
    DegreeExemption atSchool;
    DegreeExemption atAuthority;

    @BeforeEach
    void twoCasesOnAVersionOfTheirOwn() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        versions = new TwoExemptionVersions(exemptions, cases, accounts, teachers, evidence, repository, runtime, management, port);
        source = versions.deploySource("degreeExemption migration source");
        atSchool = versions.apply();
        atAuthority = versions.apply();
        versions.decide(atAuthority, "school.admin", Decision.APPROVE, null);
    }

    @AfterEach
    void putTheRepositoryModelBack() {
        versions.restoreTheRepositoryModel();
    }

    @Test
    void thePlanNamesEachStepAndItsOpenCasesBeforeAnythingMoves_thenTheBatchMovesThem_andTheyFinishOnTheNewVersion()
            throws Exception {
        ProcessDefinition target = versions.deployTarget("degreeExemption renamed school review, city review added");

        PlanPreview plan = migrations.preview(source.getId(), target.getId());
        assertThat(plan.executable()).as("%s", plan.problems()).isTrue();
        assertThat(plan.cases()).isEqualTo(2);
        assertThat(plan.staying()).isEmpty();
        Row school = step(plan, SCHOOL_REVIEW);
        assertThat(school.sourceName()).isEqualTo("学校审核");
        assertThat(school.targetName()).isEqualTo(SCHOOL_REVIEW_RENAMED);
        assertThat(school.renamed()).isTrue();
        assertThat(school.open()).isEqualTo(1);
        assertThat(step(plan, AUTHORITY_REVIEW).open()).isEqualTo(1);
        assertThat(step(plan, AUTHORITY_REVIEW).renamed()).isFalse();
        assertThat(plan.added()).containsExactly("市级复核");
        mvc.perform(get("/process-owner/migrations/new").param("source", source.getId()).param("target", target.getId())
                        .with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SCHOOL_REVIEW_RENAMED)))
                .andExpect(content().string(containsString("市级复核")))
                .andExpect(content().string(containsString("执行迁移（2 个案件）")));
        assertThat(versions.definitionOf(atSchool)).as("the preview moves nothing").isEqualTo(source.getId());

        List<String> schoolDeadlines = deadlines(atSchool).stream().map(timer -> timer.replace(source.getId(), target.getId()))
                .toList();
        assertThat(schoolDeadlines).as("the reminder and the escalation of the school review").hasSize(2);
        String location = mvc.perform(post("/process-owner/migrations").param("source", source.getId())
                        .param("target", target.getId()).with(owner()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'case-migration.start' AND subject_id = ?",
                Integer.class, String.valueOf(id))).as("the migration is audited").isEqualTo(1);
        CaseMigrations.Progress started = migrations.progress(id);
        assertThat(started.running()).isTrue();
        assertThat(started.remaining()).isEqualTo(2);
        mvc.perform(get(location).with(owner())).andExpect(status().isOk())
                .andExpect(content().string(containsString("正在迁移")));

        String batchId = jdbc.queryForObject("SELECT batch_id FROM case_migration WHERE id = ?", String.class, id);
        versions.runBatch(batchId);
        CaseMigrations.Progress done = migrations.progress(id);
        assertThat(done.running()).isFalse();
        assertThat(done.endedAt()).as("the historic batch's end").isNotNull();
        assertThat(jdbc.queryForObject("SELECT state FROM case_migration WHERE id = ?", String.class, id)).isEqualTo("COMPLETED");
        mvc.perform(get(location).with(owner())).andExpect(status().isOk())
                .andExpect(content().string(containsString("迁移完成")));
        assertThat(versions.definitionOf(atSchool)).isEqualTo(target.getId());
        assertThat(versions.definitionOf(atAuthority)).isEqualTo(target.getId());
        // The open task is the same task, on the new version's step; the engine keeps the name it was created with.
        assertThat(exemptions.openTask(atSchool.getId()).orElseThrow().taskKey()).isEqualTo(SCHOOL_REVIEW);
        assertThat(deadlines(atSchool)).as("the school review's deadline timers, on the new version, due as before")
                .isEqualTo(schoolDeadlines).allSatisfy(timer -> assertThat(timer).startsWith(target.getId()));

        // Both go on through the new city review to their credit, their history kept from before the move.
        versions.decide(atSchool, "school.admin", Decision.APPROVE, null);
        versions.decide(atSchool, "county.reviewer", Decision.APPROVE, null);
        versions.decide(atAuthority, "county.reviewer", Decision.APPROVE, null);
        for (DegreeExemption moved : List.of(atSchool, atAuthority)) {
            assertThat(exemptions.openTask(moved.getId()).orElseThrow().taskKey()).isEqualTo(CITY_REVIEW);
            versions.decide(moved, "city.reviewer", Decision.APPROVE, "同意");
            versions.credit(moved);
            DegreeExemption finished = exemptions.require(moved.getId());
            assertThat(finished.status()).isEqualTo(ExemptionStatus.EXEMPTED);
            assertThat(finished.ledgerEntryId()).as("credited in the ledger").isNotNull();
            assertThat(exemptions.history(moved.getId())).extracting(CaseEvent::taskKey)
                    .containsExactly(null, SCHOOL_REVIEW, AUTHORITY_REVIEW, CITY_REVIEW, "ServiceTask_CreditHours");
        }
    }

    @Test
    void aPlanToAnotherProcedureIsRefusedWithItsReason_andNothingMoves() throws Exception {
        String other = repository.createProcessDefinitionQuery().processDefinitionKey("schoolBasedClass").latestVersion()
                .singleResult().getId();
        int before = migrationsStarted();
        mvc.perform(get("/process-owner/migrations/new").param("source", source.getId()).param("target", other).with(owner()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("只能在同一业务流程的版本之间迁移")))
                .andExpect(content().string(containsString("没有迁移任何案件")));
        mvc.perform(post("/process-owner/migrations").param("source", source.getId()).param("target", other)
                        .with(owner()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("只能在同一业务流程的版本之间迁移")));
        assertNothingMoved(before);
    }

    @Test
    void aTargetWithoutTheStepsWhereTheCasesWaitIsRefused_theStepsListedAsStaying_andNothingMoves() throws Exception {
        ProcessDefinition target = versions.deployWithoutTheReviews("degreeExemption reviews with other ids");
        PlanPreview plan = migrations.preview(source.getId(), target.getId());
        assertThat(plan.executable()).isFalse();
        assertThat(plan.cases()).isZero();
        assertThat(plan.staying()).extracting(Row::sourceId).containsExactlyInAnyOrder(SCHOOL_REVIEW, AUTHORITY_REVIEW);
        assertThat(plan.problems()).extracting(PlanPreview.Problem::kind).containsExactly("nothing-to-move");

        int before = migrationsStarted();
        mvc.perform(get("/process-owner/migrations/new").param("source", source.getId()).param("target", target.getId())
                        .with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("留在原版本")))
                .andExpect(content().string(containsString("没有可迁移的案件")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("execute-migration"))));
        mvc.perform(post("/process-owner/migrations").param("source", source.getId()).param("target", target.getId())
                        .with(owner()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("没有可迁移的案件")));
        assertNothingMoved(before);
    }

    @Test
    void unknownVersionsTheSameVersionAndAVersionWithoutRunningCasesAreRefused() {
        ProcessDefinition target = versions.deployTarget("degreeExemption target without cases");
        assertThatThrownBy(() -> migrations.preview("degreeExemption:999:none", target.getId()))
                .isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND);
                    assertThat(refused.field()).isEqualTo("source");
                });
        assertThatThrownBy(() -> migrations.preview(source.getId(), source.getId()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("migration.same-version"));
        assertThatThrownBy(() -> migrations.preview(target.getId(), source.getId()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("migration.no-running-cases"));
    }

    @Test
    void everyOtherRoleIsRefusedThePlanAndTheMigration_andNothingMoves() throws Exception {
        ProcessDefinition target = versions.deployTarget("degreeExemption target for other roles");
        int before = migrationsStarted();
        for (String other : List.of("teacher", "county.reviewer", "manager", "sysadmin")) {
            RequestPostProcessor as = user(users.loadUserByUsername(other));
            mvc.perform(get("/process-owner/migrations/new").param("source", source.getId()).param("target", target.getId())
                    .with(as)).andExpect(status().isForbidden());
            mvc.perform(post("/process-owner/migrations").param("source", source.getId()).param("target", target.getId())
                    .with(as).with(csrf())).andExpect(status().isForbidden());
        }
        assertNothingMoved(before);
    }

    private void assertNothingMoved(int migrationsBefore) {
        assertThat(migrationsStarted()).isEqualTo(migrationsBefore);
        assertThat(versions.definitionOf(atSchool)).isEqualTo(source.getId());
        assertThat(versions.definitionOf(atAuthority)).isEqualTo(source.getId());
        assertThat(management.createBatchQuery().type("instance-migration").count()).isZero();
    }

    /** The case's timer jobs as "definition due-date", sorted. */
    private List<String> deadlines(DegreeExemption exemption) {
        return management.createJobQuery().processInstanceId(exemption.processInstanceId()).timers().list().stream()
                .map(job -> job.getProcessDefinitionId() + " " + job.getDuedate().toInstant()).sorted().toList();
    }

    private int migrationsStarted() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_migration", Integer.class);
    }

    private static Row step(PlanPreview plan, String sourceId) {
        return plan.steps().stream().filter(row -> row.sourceId().equals(sourceId)).findFirst().orElseThrow();
    }

    private RequestPostProcessor owner() {
        return user(users.loadUserByUsername("process.owner"));
    }
}
