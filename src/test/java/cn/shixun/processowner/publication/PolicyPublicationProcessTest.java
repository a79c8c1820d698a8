package cn.shixun.processowner.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyVersions;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.policies.PolicyVersionDrafts;
import cn.shixun.security.Accounts;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.OwnerApprovalTask;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The {@code policyPublication} process on the in-memory engine (ADR 0012 §2 "Publication"): the
 * happy path, then each detour — returned, the submitter's own approval, a completion that is not
 * the console's, a decision forged in the case's variables. Only an approval recorded in our table by
 * a second owner deploys. Publishes for real, so the context is not reused after this class.
 */
@SpringBootTest
@DirtiesContext
class PolicyPublicationProcessTest {

    private static final String FIRST = "process.test.owner1";
    private static final String SECOND = "process.test.owner2";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired PolicyPublications publications;
    @Autowired PolicyVersionDrafts policyDrafts;
    @Autowired ModelDrafts drafts;
    @Autowired CaseHistory history;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    CurrentAccount first;
    CurrentAccount second;

    @BeforeEach
    void setUp() {
        init(engine);
        Long province = organisations.findByCode("940003").orElseGet(() -> organisations.createRegion("940003", "发布流程省",
                OrganisationLevel.PROVINCE, null, "sanmenxia-2023")).getId();
        first = accounts.find(FIRST).orElseGet(() -> accounts.createAccount(FIRST, "Owner-Passw0rd!", "甲", Role.PROCESS_OWNER, province));
        second = accounts.find(SECOND).orElseGet(() -> accounts.createAccount(SECOND, "Owner-Passw0rd!", "乙", Role.PROCESS_OWNER, province));
        signedIn(FIRST);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        identity.clearAuthentication();
    }

    @Test
    void submitted_approvedByASecondOwner_deployedByTheCase() {
        long versionId = draft("2028-01-01");
        long id = publications.submit(versionId, FIRST);
        ProcessInstance instance = caseOf(id);
        BpmnAwareTests.assertThat(instance).isWaitingAt(OwnerApprovalTask.TASK_KEY);
        Task approval = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(taskService.getIdentityLinksForTask(approval.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo(CandidateGroup.PROCESS_OWNERS));
        assertThat(approval.getDueDate()).isNotNull();
        long deployments = repository.createDeploymentQuery().count();

        signedIn(SECOND);
        publications.approve(id, second);
        assertThat(repository.createDeploymentQuery().count()).as("deployed by the case's service task, not the page")
                .isEqualTo(deployments);
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_Publish");

        management.executeJob(publishJob(instance).getId());
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Published");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        assertThat(publications.get(id).deploymentId()).isNotNull();
        assertThat(repository.createDeploymentQuery().deploymentId(publications.get(id).deploymentId()).singleResult()
                .getSource()).isEqualTo(PublicationDeployments.DEPLOYMENT_SOURCE);
        assertThat(versionState(versionId)).isEqualTo("PUBLISHED");
        assertThat(history.of(OwnerApprovalTask.PROCESS_KEY, String.valueOf(id)))
                .anySatisfy(event -> {
                    assertThat(event.outcome()).isEqualTo(CaseOutcome.APPROVED);
                    assertThat(event.actor()).isEqualTo(SECOND);
                });
    }

    @Test
    void theApprovalsReminder_reachesTheOtherProcessOwners_notTheSubmitter() {
        long versionId = draft("2029-01-01");
        long id = publications.submit(versionId, FIRST);
        ProcessInstance instance = caseOf(id);
        Task approval = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Job reminder = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .min(java.util.Comparator.comparing(Job::getDuedate)).orElseThrow();

        management.executeJob(reminder.getId());

        assertThat(history.of(OwnerApprovalTask.PROCESS_KEY, String.valueOf(id)))
                .anySatisfy(event -> assertThat(event.outcome()).isEqualTo(CaseOutcome.REMINDED));
        assertThat(remindersTo(SECOND, approval)).as("the other owner, who may approve").isEqualTo(1);
        assertThat(remindersTo(FIRST, approval)).as("the submitter may not approve his own").isZero();
        returnAndDiscard(id, versionId);
    }

    private int remindersTo(String owner, Task approval) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE recipient = ? AND kind = 'REMINDER'"
                + " AND link = ?", Integer.class, owner, "/tasks?task=" + approval.getId());
    }

    @Test
    void returnedWithItsReason_theCaseEnds_andTheDraftMayBeSubmittedAgainAsANewCase() {
        long versionId = draft("2030-01-01");
        long id = publications.submit(versionId, FIRST);
        ProcessInstance instance = caseOf(id);

        signedIn(SECOND);
        publications.reject(id, second, "文号待定");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Returned").hasNotPassed("ServiceTask_Publish");
        assertThat(drafts.get(tableDraft(versionId)).state()).isEqualTo(ModelDraft.State.EDITING);

        signedIn(FIRST);
        long again = publications.submit(versionId, FIRST);
        BpmnAwareTests.assertThat(caseOf(again)).isWaitingAt(OwnerApprovalTask.TASK_KEY);
        signedIn(SECOND);
        publications.reject(again, second, "仍待定");
        signedIn(FIRST);
        policyDrafts.discard(versionId);
    }

    @Test
    void theSubmittersOwnApprovalIsRefused_theStepStaysOpen_nothingDeployed() {
        long versionId = draft("2032-01-01");
        long id = publications.submit(versionId, FIRST);
        long deployments = repository.createDeploymentQuery().count();

        assertThatThrownBy(() -> publications.approve(id, first)).isInstanceOfSatisfying(BusinessRuleException.class,
                refusal -> assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
        BpmnAwareTests.assertThat(caseOf(id)).isWaitingAt(OwnerApprovalTask.TASK_KEY);
        assertThat(publications.get(id).state()).isEqualTo("SUBMITTED");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        returnAndDiscard(id, versionId);
    }

    @Test
    void aSecondOwnerCompletingTheStepOutsideTheConsole_isRefusedByTheGate_nothingRecordedOrDeployed() {
        long versionId = draft("2034-01-01");
        long id = publications.submit(versionId, FIRST);
        ProcessInstance instance = caseOf(id);
        Task approval = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        identity.setAuthentication(SECOND, List.of(CandidateGroup.PROCESS_OWNERS));
        try {
            assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("decision", "APPROVE")))
                    .hasMessageContaining("流程管理员不办理引擎任务");
        } finally {
            identity.clearAuthentication();
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt(OwnerApprovalTask.TASK_KEY);
        assertThat(publications.get(id).state()).isEqualTo("SUBMITTED");
        returnAndDiscard(id, versionId);
    }

    @Test
    void aDecisionForgedInTheCasesVariables_doesNotPublish_theJobFailsIntoAnIncident() {
        long versionId = draft("2036-01-01");
        long id = publications.submit(versionId, FIRST);
        ProcessInstance instance = caseOf(id);
        long deployments = repository.createDeploymentQuery().count();

        // As if the step had been passed with an approval that our table does not hold.
        runtime.createProcessInstanceModification(instance.getId())
                .startBeforeActivity("ServiceTask_Publish")
                .setVariable("decision", "APPROVE")
                .execute();
        Job publish = publishJob(instance);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(publish.getId()))
                    .hasMessageContaining("没有另一位流程管理员的批准记录");
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
        assertThat(versionState(versionId)).isEqualTo("SUBMITTED");
        assertThat(publications.get(id).deploymentId()).isNull();

        signedIn(SECOND);
        publications.reject(id, second, "清理");
        runtime.deleteProcessInstance(instance.getId(), "test cleanup: the forged branch");
        signedIn(FIRST);
        policyDrafts.discard(versionId);
    }

    @Test
    void aModelWaitsForItsEffectiveDate_thenDeploysWithItsFormsAsTheLatestVersion_runningCasesKeepTheirs() {
        ProcessDefinition before = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult();
        ModelDraft draft = drafts.startFrom(before.getId());
        String shorter = draft.content().replaceFirst("(id=\"UserTask_SchoolReview\"[^>]*camunda:dueDate=\")P10D\"", "$1P5D\"");
        assertThat(shorter).isNotEqualTo(draft.content());
        drafts.save(draft.id(), draft.lockVersion(), shorter.getBytes(StandardCharsets.UTF_8));
        LocalDate effective = LocalDate.of(2027, 1, 1);

        long id = publications.submitModel(draft.id(), new PolicyPublications.Notice("关于缩短学校审核时限的通知",
                "豫教师〔2026〕9号", effective), FIRST);
        assertThat(publications.modelChanges(id)).singleElement().satisfies(change -> {
            assertThat(change.what()).isEqualTo("CHANGED");
            assertThat(change.elementId()).isEqualTo("UserTask_SchoolReview");
            assertThat(change.renamed()).isFalse();
        });
        assertThat(drafts.get(draft.id()).state()).isEqualTo(ModelDraft.State.SUBMITTED);
        signedIn(SECOND);
        publications.approve(id, second);

        ProcessInstance instance = caseOf(id);
        BpmnAwareTests.assertThat(instance).isWaitingAt("IntermediateTimer_EffectiveDate");
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(effective.atStartOfDay(clock.getZone()).toInstant());
        assertThat(latestExemption().getId()).as("nothing deployed before the effective date").isEqualTo(before.getId());

        management.executeJob(timer.getId());
        management.executeJob(publishJob(instance).getId());
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Published");
        ProcessDefinition after = latestExemption();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(repository.createDeploymentQuery().deploymentId(after.getDeploymentId()).singleResult())
                .satisfies(deployment -> {
                    assertThat(deployment.getName()).isEqualTo("degreeExemption.bpmn-" + id);
                    assertThat(deployment.getSource()).isEqualTo(PublicationDeployments.DEPLOYMENT_SOURCE);
                });
        assertThat(repository.getDeploymentResourceNames(after.getDeploymentId()))
                .as("the model with the forms it names, in one deployment")
                .containsExactlyInAnyOrderElementsOf(repository.getDeploymentResourceNames(before.getDeploymentId()));
        assertThat(drafts.get(draft.id()).state()).isEqualTo(ModelDraft.State.PUBLISHED);
    }

    @Test
    void aModelWithAValidationProblemIsNotSubmitted_andThePublicationProcessIsNeverDrafted() {
        ProcessDefinition exemption = latestExemption();
        ModelDraft draft = drafts.startFrom(exemption.getId());
        drafts.save(draft.id(), draft.lockVersion(), draft.content().replace("${creditHoursDelegate}", "${ledger}")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> publications.submitModel(draft.id(), new PolicyPublications.Notice("通知", null,
                LocalDate.of(2027, 1, 1)), FIRST)).isInstanceOfSatisfying(BusinessRuleException.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("publication.draft-has-problems"));
        assertThat(drafts.get(draft.id()).state()).isEqualTo(ModelDraft.State.EDITING);
        drafts.discard(draft.id());

        String publication = repository.createProcessDefinitionQuery().processDefinitionKey(OwnerApprovalTask.PROCESS_KEY)
                .latestVersion().singleResult().getId();
        assertThatThrownBy(() -> drafts.startFrom(publication)).isInstanceOfSatisfying(BusinessRuleException.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("draft.repository-only"));
    }

    private ProcessDefinition latestExemption() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption").latestVersion().singleResult();
    }

    private long draft(String effectiveFrom) {
        return policyDrafts.copyAsNewVersion("sanmenxia-2023", new PolicyVersions.Notice("三门峡市教师继续教育新方案",
                "三门峡市教育局", null, LocalDate.parse(effectiveFrom), null), FIRST).id();
    }

    private String versionState(long versionId) {
        return jdbc.queryForObject("SELECT state FROM policy_version WHERE id = ?", String.class, versionId);
    }

    private long tableDraft(long versionId) {
        return policyDrafts.get(versionId).tableDrafts().get(PolicyDecisions.REQUIREMENTS);
    }

    private ProcessInstance caseOf(long publicationId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(OwnerApprovalTask.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(publicationId)).singleResult();
    }

    /** Leaves no sanmenxia draft behind for the next test: the second owner returns it, the first discards it. */
    private void returnAndDiscard(long publicationId, long versionId) {
        signedIn(SECOND);
        publications.reject(publicationId, second, "清理");
        signedIn(FIRST);
        policyDrafts.discard(versionId);
    }

    private Job publishJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId("ServiceTask_Publish").singleResult();
    }

    /** The console's actor for the audit trail. */
    private static void signedIn(String owner) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner, null,
                List.of(new SimpleGrantedAuthority("ROLE_PROCESS_OWNER"))));
    }
}
