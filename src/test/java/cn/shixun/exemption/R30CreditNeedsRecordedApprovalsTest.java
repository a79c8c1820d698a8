package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseStepRefused;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine never decides what gets credited (issue 10): whatever brings the token to
 * {@code ServiceTask_CreditHours} — a re-routed review, an instance moved or started there directly —
 * the credit delegate registers nothing unless OUR records show the application approved by its school
 * and then by its registration authority (R-04) since it was last submitted. The engine's doors are
 * closed elsewhere; these tests open them on purpose, by driving the engine's Java API as an attacker's
 * REST call would.
 */
@SpringBootTest
class R30CreditNeedsRecordedApprovalsTest {

    @Autowired ProcessEngine engine;
    @Autowired EvidenceFiles evidence;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired DegreeExemptions exemptions;
    @Autowired CaseTasks cases;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    ExemptionFixture data;
    Teacher teacher;
    CurrentAccount applicant;
    String schoolGroup;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new ExemptionFixture(organisations, teachers, accounts, evidence, "henan-2016");
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        applicant = data.accountOf(teacher);
        schoolGroup = "school-admin:" + data.schools.countySchool.code();
    }

    @Test
    void R04_R30_aSchoolAdminWhoApprovesTheAuthorityReviewItselfGetsNothingCredited() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        completeAs(data.schoolAdmin, schoolGroup, openTaskId(applied), Map.of("decision", "APPROVE"));
        // The door left open: the authority's review offered to the school's own group as well.
        String authorityReview = openTaskId(applied);
        taskService.addCandidateGroup(authorityReview, schoolGroup);
        completeAs(data.schoolAdmin, schoolGroup, authorityReview, Map.of("decision", "APPROVE"));

        assertCreditRefused(instance, applied, "登记机构审核由 " + data.schoolAdmin.username() + " 同意");
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@");
    }

    @Test
    void R30_theCreditStepReachedWhileTheCountyHasNotReviewedCreditsNothing() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        cases.decide(openTaskId(applied), data.schoolAdmin, Decision.APPROVE, null);
        // The door left open: the instance moved straight to the credit step.
        runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(DegreeExemptionProcess.CREDIT_HOURS)
                .execute();

        assertCreditRefused(instance, applied, "登记机构审核本轮尚未同意");
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
    }

    @Test
    void R30_anInstanceStartedAtTheCreditStepWithTheApplicationsIdAsBusinessKeyCreditsNothing() {
        DegreeExemption applied = apply();
        cases.decide(openTaskId(applied), data.schoolAdmin, Decision.APPROVE, null);
        // Like a process owner's model whose start event runs ${creditHoursDelegate} for this application.
        ProcessInstance forged = runtime.createProcessInstanceByKey(DegreeExemptionProcess.PROCESS_ID)
                .businessKey(String.valueOf(applied.getId()))
                .startBeforeActivity(DegreeExemptionProcess.CREDIT_HOURS).execute();

        assertCreditRefused(forged, applied, "案件记录不由本流程实例", "登记机构审核本轮尚未同意");
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
        runtime.deleteProcessInstance(forged.getId(), "test cleanup");
    }

    @Test
    void R30_aReturnOpensANewRound_theEarlierApprovalsNoLongerCount() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        cases.decide(openTaskId(applied), data.schoolAdmin, Decision.APPROVE, null);
        cases.decide(openTaskId(applied), data.countyReviewer, Decision.RETURN, "请补充学位证");
        exemptions.amend(applied.getId(), applicant, data.diplomaOf(teacher.getId()));
        cases.decide(openTaskId(applied), data.schoolAdmin, Decision.APPROVE, null);
        runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(DegreeExemptionProcess.CREDIT_HOURS)
                .execute();

        assertCreditRefused(instance, applied, "登记机构审核本轮尚未同意");
    }

    /** The credit job fails with the reason, stays as an incident-to-be, and nothing is credited or recorded. */
    private void assertCreditRefused(ProcessInstance instance, DegreeExemption applied, String... reasons) {
        int eventsBefore = exemptions.history(applied.getId()).size();
        Job job = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(DegreeExemptionProcess.CREDIT_HOURS).singleResult();
        assertThat(job).isNotNull();
        assertThatThrownBy(() -> management.executeJob(job.getId()))
                .isInstanceOf(CaseStepRefused.class).message().contains(reasons);

        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
        DegreeExemption after = exemptions.require(applied.getId());
        assertThat(after.status()).isNotIn(ExemptionStatus.EXEMPTED, ExemptionStatus.CREDIT_REFUSED);
        assertThat(after.ledgerEntryId()).isNull();
        List<CaseEvent> events = exemptions.history(applied.getId());
        assertThat(events).hasSize(eventsBefore)
                .noneMatch(event -> DegreeExemptionProcess.CREDIT_HOURS.equals(event.taskKey()))
                .noneMatch(event -> event.outcome() == CaseOutcome.COMPLETED);
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getExceptionMessage())
                .contains("不能执行「登记免修学时」");
    }

    private void completeAs(CurrentAccount account, String group, String taskId, Map<String, Object> variables) {
        identity.setAuthentication(account.username(), List.of(group));
        try {
            taskService.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private DegreeExemption apply() {
        return exemptions.apply(teacher.getId(), applicant.username(), data.diplomaOf(teacher.getId()));
    }

    private String openTaskId(DegreeExemption exemption) {
        Task task = taskService.createTaskQuery().processInstanceId(exemption.processInstanceId()).singleResult();
        return task.getId();
    }

    private ProcessInstance instanceOf(DegreeExemption exemption) {
        return runtime.createProcessInstanceQuery().processInstanceId(exemption.processInstanceId()).singleResult();
    }
}
