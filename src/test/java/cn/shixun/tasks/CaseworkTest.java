package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The casework shared by every procedure, on a small test process: who may decide, what
 * a decision must carry and what it leaves in the history, the same checks for a task
 * completed around our API (as Camunda Tasklist does), batch decisions, reminders and escalation.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkTest {

    static final String PROCESS = "caseworkTest";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CaseTasks tasks;
    @Autowired CaseHistory history;
    @Autowired RecordingHandler handler;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate transaction;

    R04Schools schools;
    CurrentAccount schoolAdmin;
    CurrentAccount countyReviewer;
    CurrentAccount cityReviewer;
    CurrentAccount teacherAccount;
    CurrentAccount otherSchoolAdmin;

    @Autowired DataSource dataSource;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;

    /** The test procedure as an earlier release deployed it: a timer, service task and end event per deadline. */
    String olderVersionId;

    @BeforeAll
    void deploy() {
        olderVersionId = deployedByAnEarlierRelease("tasks/deadlinesOfAnOlderVersion.bpmn20.xml");
        repository.createDeployment().addClasspathResource("tasks/caseworkTest.bpmn20.xml").deploy();
    }

    /**
     * Deploys a model as a release before this one would have: through an engine on the same
     * database without the casework's parse, so that the model guard of today never judged it.
     * The application's engine then runs it as it runs any deployed version.
     */
    private String deployedByAnEarlierRelease(String resource) {
        StandaloneProcessEngineConfiguration earlier = new StandaloneProcessEngineConfiguration();
        earlier.setDataSource(dataSource);
        earlier.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        earlier.setHistory(engineConfiguration.getHistory());
        earlier.setJobExecutorActivate(false);
        earlier.setProcessEngineName("caseworkTestEarlierRelease");
        ProcessEngine engine = earlier.buildProcessEngine();
        try {
            String deploymentId = engine.getRepositoryService().createDeployment().addClasspathResource(resource).deploy()
                    .getId();
            return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).singleResult()
                    .getId();
        } finally {
            engine.close();
        }
    }

    @BeforeEach
    void setUp() {
        schools = new R04Schools(organisations, teachers);
        String p = schools.prefix;
        schoolAdmin = accounts.createAccount(p + ".school", "secret-123", "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
        countyReviewer = accounts.createAccount(p + ".county", "secret-123", "赵明", Role.COUNTY_REVIEWER,
                schools.district.getId());
        cityReviewer = accounts.createAccount(p + ".city", "secret-123", "陈静", Role.CITY_REVIEWER,
                schools.city.getId());
        otherSchoolAdmin = accounts.createAccount(p + ".other", "secret-123", "李强", Role.SCHOOL_ADMIN,
                schools.cityMiddleSchool.getId());
        Teacher teacher = schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        teacherAccount = accounts.createTeacherAccount(p + ".t", "secret-123", teacher.getId());
        handler.calls.clear();
    }

    /** Starts a case whose review goes to the county school's administrators. */
    String startCase() {
        String caseId = schools.prefix + "-" + System.nanoTime();
        runtime.startProcessInstanceByKey(PROCESS, caseId, startVariables());
        return caseId;
    }

    /** The same, on the version an earlier release deployed. */
    String startCaseOnTheOlderVersion() {
        String caseId = schools.prefix + "-" + System.nanoTime();
        runtime.startProcessInstanceById(olderVersionId, caseId, startVariables());
        return caseId;
    }

    private Map<String, Object> startVariables() {
        return Map.of("reviewGroup", CandidateGroup.of(Role.SCHOOL_ADMIN, schools.countySchool.code()).id(),
                "applicant", teacherAccount.username());
    }

    CaseTask openTask(String caseId) {
        return tasks.openTask(PROCESS, caseId).orElseThrow();
    }

    @Test
    void R04_aMemberOfTheCandidateGroupApproves_andTheHistoryKeepsWhoAndWhen() {
        String caseId = startCase();
        Instant before = Instant.now();

        tasks.decide(openTask(caseId).id(), schoolAdmin, Decision.APPROVE, null);

        assertThat(tasks.openTasks(PROCESS, caseId)).isEmpty();
        assertThat(endedAt(caseId)).isEqualTo("EndEvent_Approved");
        List<CaseEvent> events = history.of(PROCESS, caseId);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(CaseOutcome.APPROVED);
            assertThat(event.actor()).isEqualTo(schoolAdmin.username());
            assertThat(event.step()).isEqualTo("审核");
            assertThat(event.taskKey()).isEqualTo("UserTask_Review");
            assertThat(event.occurredAt()).isBetween(before, Instant.now());
        });
        assertThat(handler.calls).containsExactly("decided " + caseId + " APPROVE by " + schoolAdmin.username());
    }

    @Test
    void R40_returnNeedsAReason_thenTheApplicantResubmits_andTheStaleDecisionIsForgotten() {
        String caseId = startCase();
        String reviewId = openTask(caseId).id();

        assertThatThrownBy(() -> tasks.decide(reviewId, schoolAdmin, Decision.RETURN, "  "))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.ruleId()).isEqualTo("R-40");
                    assertThat(refusal.field()).isEqualTo("comment");
                });
        assertThat(openTask(caseId).id()).isEqualTo(reviewId);
        assertThat(history.of(PROCESS, caseId)).isEmpty();

        tasks.decide(reviewId, schoolAdmin, Decision.RETURN, "毕业证书扫描件不清晰");
        CaseTask amend = openTask(caseId);
        assertThat(amend.kind()).isEqualTo(CaseTask.Kind.SUBMISSION);
        assertThat(amend.assignee()).isEqualTo(teacherAccount.username());
        assertThat(runtime.getVariable(processInstanceOf(caseId), CaseTasks.COMMENT))
                .as("the reason lives in the history, not in the process").isNull();

        tasks.submit(amend.id(), teacherAccount);
        CaseTask review = openTask(caseId);
        assertThat(review.taskKey()).isEqualTo("UserTask_Review");
        assertThat(history.of(PROCESS, caseId)).extracting(CaseEvent::outcome, CaseEvent::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CaseOutcome.RETURNED, "毕业证书扫描件不清晰"),
                        org.assertj.core.groups.Tuple.tuple(CaseOutcome.RESUBMITTED, null));

        // Completing the new review around our API without a decision must not reuse the earlier RETURN.
        asEngineUser(schoolAdmin, () -> assertThatThrownBy(() -> taskService.complete(review.id()))
                .satisfies(failure -> assertThat(rootRefusal(failure).field()).isEqualTo("outcome")));
        assertThat(openTask(caseId).id()).isEqualTo(review.id());
    }

    @Test
    void R04_someoneOutsideTheCandidateGroupIsRefused_andNothingChanges() {
        String caseId = startCase();
        String reviewId = openTask(caseId).id();

        assertThatThrownBy(() -> tasks.decide(reviewId, otherSchoolAdmin, Decision.APPROVE, null))
                // Another organisation's task is answered like an unknown one (ADR 0009), not naming its group.
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> tasks.decide(reviewId, teacherAccount, Decision.APPROVE, null))
                .isInstanceOf(BusinessRuleException.class);

        assertThat(openTask(caseId).id()).isEqualTo(reviewId);
        assertThat(history.of(PROCESS, caseId)).isEmpty();
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void R40_aTaskCompletedAroundOurApi_likeTasklist_getsTheSameChecksAndHistory() {
        String caseId = startCase();
        String reviewId = openTask(caseId).id();

        // Nobody signed in to the engine: who acted would be unknown.
        assertThatThrownBy(() -> taskService.complete(reviewId, Map.of(CaseTasks.DECISION, "APPROVE")))
                .satisfies(failure -> assertThat(rootRefusal(failure).ruleId()).isEqualTo("R-40"));
        // Signed in, but not a candidate: the engine gate (ADR 0009) answers as for an unknown task
        // before the casework's own R-04 check, which stands for an engine without it.
        asEngineUser(otherSchoolAdmin, () -> assertThatThrownBy(
                () -> taskService.complete(reviewId, Map.of(CaseTasks.DECISION, "APPROVE")))
                .satisfies(failure -> assertThat(rootRefusal(failure).kind())
                        .isEqualTo(BusinessRuleException.Kind.NOT_FOUND)));
        assertThat(openTask(caseId).id()).isEqualTo(reviewId);

        // A candidate submitting the Tasklist form: decision and comment as plain variables.
        asEngineUser(schoolAdmin, () -> taskService.complete(reviewId,
                Map.of(CaseTasks.DECISION, "REJECT", CaseTasks.COMMENT, "非学历教育，不符合条件")));

        assertThat(endedAt(caseId)).isEqualTo("EndEvent_Rejected");
        assertThat(history.of(PROCESS, caseId)).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(CaseOutcome.REJECTED);
            assertThat(event.comment()).isEqualTo("非学历教育，不符合条件");
            assertThat(event.actor()).isEqualTo(schoolAdmin.username());
        });
    }

    @Test
    void R04_aTaskClaimedByOneMemberOfTheGroupCannotBeCompletedByAnother() {
        String caseId = startCase();
        String reviewId = openTask(caseId).id();
        CurrentAccount colleague = accounts.createAccount(schools.prefix + ".colleague", "secret-123", "周洁",
                Role.SCHOOL_ADMIN, schools.countySchool.getId());
        taskService.claim(reviewId, schoolAdmin.username());

        // The engine lets every member of the group work on the task; the casework keeps it the claimant's.
        asEngineUser(colleague, () -> assertThatThrownBy(
                () -> taskService.complete(reviewId, Map.of(CaseTasks.DECISION, "APPROVE")))
                .hasMessageContaining("不是您的待办任务")
                .satisfies(failure -> assertThat(rootRefusal(failure).ruleId()).isEqualTo("R-04")));
        assertThatThrownBy(() -> tasks.decide(reviewId, colleague, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.ruleId()).isEqualTo("R-04"));
        assertThat(history.of(PROCESS, caseId)).isEmpty();

        tasks.decide(reviewId, schoolAdmin, Decision.APPROVE, null);
        assertThat(history.of(PROCESS, caseId)).extracting(CaseEvent::actor).containsExactly(schoolAdmin.username());
    }

    @Test
    void aTaskAlreadyDecidedOrUnknown_isRefusedClearly() {
        String caseId = startCase();
        String reviewId = openTask(caseId).id();
        tasks.decide(reviewId, schoolAdmin, Decision.APPROVE, null);

        assertThatThrownBy(() -> tasks.decide(reviewId, schoolAdmin, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
        assertThatThrownBy(() -> tasks.decide("no-such-task", schoolAdmin, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        assertThat(history.of(PROCESS, caseId)).hasSize(1);
    }

    @Test
    void aBatchDecidesWhatItMay_andReportsEachRefusalWithoutHoldingBackTheOthers() {
        String first = startCase();
        String second = startCase();
        String foreign = schools.prefix + "-foreign";
        runtime.startProcessInstanceByKey(PROCESS, foreign, Map.of(
                "reviewGroup", CandidateGroup.of(Role.SCHOOL_ADMIN, schools.cityMiddleSchool.code()).id(),
                "applicant", teacherAccount.username()));

        List<CaseTasks.BatchOutcome> outcomes = tasks.decideAll(List.of(openTask(first).id(), openTask(foreign).id(),
                openTask(second).id()), schoolAdmin, Decision.APPROVE, "材料齐全");

        assertThat(outcomes).extracting(CaseTasks.BatchOutcome::done).containsExactly(true, false, true);
        // Another organisation's task is reported like an unknown one: its group is not named.
        assertThat(outcomes.get(1).ruleId()).isNull();
        assertThat(outcomes.get(1).message()).contains("找不到待办任务").doesNotContain("school-admin:");
        assertThat(tasks.openTasks(PROCESS, first)).isEmpty();
        assertThat(tasks.openTasks(PROCESS, second)).isEmpty();
        assertThat(tasks.openTasks(PROCESS, foreign)).hasSize(1);
        assertThat(history.of(PROCESS, foreign)).isEmpty();
    }

    @Test
    void theWorklistShowsExactlyTheAccountsTasks() {
        String mine = startCase();
        String foreign = schools.prefix + "-w-foreign";
        runtime.startProcessInstanceByKey(PROCESS, foreign, Map.of(
                "reviewGroup", CandidateGroup.of(Role.SCHOOL_ADMIN, schools.cityMiddleSchool.code()).id(),
                "applicant", teacherAccount.username()));

        assertThat(tasks.worklist(schoolAdmin, PROCESS, 0, 50)).extracting(CaseTask::caseId).containsExactly(mine);
        assertThat(tasks.worklistSize(schoolAdmin, PROCESS)).isEqualTo(1);
        assertThat(tasks.worklist(otherSchoolAdmin, PROCESS, 0, 50)).extracting(CaseTask::caseId)
                .containsExactly(foreign);
        assertThat(tasks.worklist(countyReviewer, PROCESS, 0, 50)).isEmpty();
    }

    @Test
    void R04_anOverdueReviewIsRemindedThenEscalatedToTheRegistrationAuthority_whoMayDecide() {
        remindedThenEscalatedToTheRegistrationAuthority(startCase());
    }

    @Test
    void R04_aReviewOnAVersionOfAnEarlierReleaseIsStillRemindedAndEscalated_byItsDeadlineServiceTasks() {
        String caseId = startCaseOnTheOlderVersion();
        for (String boundaryTimer : List.of("BoundaryEvent_ReviewDueSoon", "BoundaryEvent_ReviewOverdue")) {
            assertThat(management.createJobQuery().processInstanceId(processInstanceOf(caseId)).activityId(boundaryTimer)
                    .count()).as(boundaryTimer).isOne();
        }
        remindedThenEscalatedToTheRegistrationAuthority(caseId);
    }

    private void remindedThenEscalatedToTheRegistrationAuthority(String caseId) {
        String processInstanceId = processInstanceOf(caseId);
        List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).timers().list();
        assertThat(timers).hasSize(2);
        Job reminder = timers.stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
        Job escalation = timers.stream().filter(job -> !job.getId().equals(reminder.getId())).findFirst().orElseThrow();
        // Both timers start with the task; a few milliseconds may separate them.
        assertThat(Duration.between(reminder.getDuedate().toInstant(), escalation.getDuedate().toInstant()).toMinutes())
                .isCloseTo(Duration.ofDays(3).toMinutes(), org.assertj.core.data.Offset.offset(1L));

        management.executeJob(reminder.getId());
        assertThat(tasks.worklist(countyReviewer, PROCESS, 0, 50)).isEmpty();
        management.executeJob(escalation.getId());

        CaseTask review = openTask(caseId);
        assertThat(review.candidateGroups()).containsExactlyInAnyOrder(
                CandidateGroup.of(Role.SCHOOL_ADMIN, schools.countySchool.code()).id(),
                CandidateGroup.of(Role.COUNTY_REVIEWER, schools.district.code()).id());
        assertThat(tasks.worklist(countyReviewer, PROCESS, 0, 50)).extracting(CaseTask::caseId).containsExactly(caseId);
        assertThat(history.of(PROCESS, caseId)).extracting(CaseEvent::outcome, CaseEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CaseOutcome.REMINDED, CaseHistory.SYSTEM),
                org.assertj.core.groups.Tuple.tuple(CaseOutcome.ESCALATED, CaseHistory.SYSTEM));
        assertThat(history.of(PROCESS, caseId).get(1).comment()).contains("测试区" + Role.COUNTY_REVIEWER.label());

        tasks.decide(review.id(), countyReviewer, Decision.APPROVE, null);
        assertThat(tasks.openTasks(PROCESS, caseId)).isEmpty();
    }

    @Test
    void R04_anAccountReviewsInTheGroupOfItsRoleAndOrganisation_aTeacherInNone() {
        ReviewRouting routing = new ReviewRouting(organisations);
        assertThat(routing.groupOf(countyReviewer)).contains(CandidateGroup.of(Role.COUNTY_REVIEWER, schools.district.code()));
        assertThat(routing.groupOf(schoolAdmin)).contains(CandidateGroup.of(Role.SCHOOL_ADMIN, schools.countySchool.code()));
        assertThat(routing.groupOf(teacherAccount)).isEmpty();
    }

    @Test
    void R04_escalationGoesUpOneLevelAtATime() {
        ReviewRouting routing = new ReviewRouting(organisations);
        assertThat(routing.above(CandidateGroup.of(Role.SCHOOL_ADMIN, schools.countySchool.code())))
                .contains(CandidateGroup.of(Role.COUNTY_REVIEWER, schools.district.code()));
        assertThat(routing.above(CandidateGroup.of(Role.SCHOOL_ADMIN, schools.cityMiddleSchool.code())))
                .contains(CandidateGroup.of(Role.CITY_REVIEWER, schools.city.code()));
        assertThat(routing.above(CandidateGroup.of(Role.SCHOOL_ADMIN, schools.cityKindergarten.code())))
                .contains(CandidateGroup.of(Role.COUNTY_REVIEWER, schools.district.code()));
        assertThat(routing.above(CandidateGroup.of(Role.COUNTY_REVIEWER, schools.district.code())))
                .contains(CandidateGroup.of(Role.CITY_REVIEWER, schools.city.code()));
        assertThat(routing.above(CandidateGroup.of(Role.CITY_REVIEWER, schools.city.code())))
                .contains(CandidateGroup.of(Role.PROVINCE_REVIEWER, schools.province.code()));
        assertThat(routing.above(CandidateGroup.of(Role.PROVINCE_REVIEWER, schools.province.code()))).isEmpty();
    }

    /** The end event a finished case reached. */
    private String endedAt(String caseId) {
        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
        assertThat(instance.getEndTime()).as("case %s has ended", caseId).isNotNull();
        return instance.getEndActivityId();
    }

    private String processInstanceOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    }

    private void asEngineUser(CurrentAccount account, Runnable action) {
        identity.setAuthentication(account.username(), tasks.groupsOf(account));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static BusinessRuleException rootRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no business refusal in " + failure, failure);
    }

    /** The test process's handler: remembers what the casework told it. */
    static class RecordingHandler implements CaseHandler {

        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String processKey() {
            return PROCESS;
        }

        @Override
        public void decided(CaseTask task, Decision decision, String comment, String actor) {
            calls.add("decided " + task.caseId() + " " + decision + " by " + actor);
        }

        @Override
        public void submitted(CaseTask task, String actor) {
            calls.add("submitted " + task.caseId() + " by " + actor);
        }
    }

    @TestConfiguration
    static class Handlers {
        @Bean
        RecordingHandler caseworkTestHandler() {
            return new RecordingHandler();
        }

        /** The test process is a procedure too: deployments of it are checked like ours (only the casework's beans). */
        @Bean
        ProcedureModel caseworkTestModel() {
            return new ProcedureModel(PROCESS);
        }
    }
}
