package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.annual.process.AnnualRegistrationProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseStepRefused;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ForgedCompletion;
import cn.shixun.teacher.Teachers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * R-33, R-04, issue 10: the registration a process instance registers and publishes is its business
 * key, never a variable a completion could have overwritten, and only once OUR records show it approved
 * by its school and its registration authority. The engine's doors are closed elsewhere; these tests open
 * them on purpose by driving the engine's Java API as an attacker's REST call would.
 */
@SpringBootTest
class R33RegistrationStaysWithItsCaseTest {

    static final String PROCESS = AnnualRegistrations.PROCESS_KEY;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress caseProgress;
    @Autowired CaseTasks tasks;
    @Autowired CaseHistory history;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    AnnualFixture kunming;
    AnnualFixture henan;

    @BeforeEach
    void setUp() {
        init(engine);
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
        henan = new AnnualFixture(organisations, teachers, accounts, ledger, "henan-2016");
    }

    @Test
    void R33_R04_aKunmingReviewerWhoPointsItsCompletionAtAZhengzhouCardRegistersOnlyItsOwnCase() {
        AnnualRegistration foreign = registrations.submit(henan.accountOf(henan.teacher()), YEAR, false, List.of(), null);
        AnnualRegistration own = registrations.submit(kunming.accountOf(kunming.teacher()), YEAR, false, List.of(), null);
        tasks.decide(openTaskId(own), kunming.schoolAdmin, Decision.APPROVE, null);

        completeAs(kunming.countyReviewer, "county-reviewer:" + kunming.schools.district.code(), openTaskId(own),
                Map.of("decision", "APPROVE", "registrationId", foreign.getId()));
        executeJobs(own);
        // and once more, as the attack did later
        executeJobs(own);

        AnnualRegistration untouched = registrations.require(foreign.getId());
        assertThat(AnnualStanding.of(registrations, caseProgress, foreign.getId())).isEqualTo("OPEN@UserTask_SchoolReview");
        assertThat(untouched.resultMet()).isNull();
        assertThat(registrations.result(untouched)).isEmpty();
        assertThat(history.of(PROCESS, String.valueOf(foreign.getId()))).extracting(CaseEvent::outcome)
                .containsExactly(CaseOutcome.SUBMITTED);
        assertThat(taskService.createTaskQuery().processInstanceId(foreign.processInstanceId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo(AnnualRegistrationProcess.SCHOOL_REVIEW);

        AnnualRegistration registered = registrations.require(own.getId());
        assertThat(registered.status()).isEqualTo(RegistrationStatus.PUBLISHED);
        assertThat(history.of(PROCESS, String.valueOf(own.getId()))).extracting(CaseEvent::taskKey)
                .containsSubsequence(AnnualRegistrationProcess.REGISTER_YEAR, AnnualRegistrationProcess.PUBLISH_RESULT);
    }

    @Test
    void R33_R04_aCardApprovedByItsOwnSchoolAdminAtTheAuthorityReviewIsNeitherRegisteredNorPublished() {
        AnnualRegistration card = registrations.submit(kunming.accountOf(kunming.teacher()), YEAR, false, List.of(), null);
        String schoolGroup = "school-admin:" + kunming.schools.countySchool.code();
        tasks.decide(openTaskId(card), kunming.schoolAdmin, Decision.APPROVE, null);
        // The door left open: the authority's review offered to the school's own group.
        String authorityReview = openTaskId(card);
        taskService.addCandidateGroup(authorityReview, schoolGroup);
        completeAs(kunming.schoolAdmin, schoolGroup, authorityReview, Map.of("decision", "APPROVE"));
        int eventsBefore = history.of(PROCESS, String.valueOf(card.getId())).size();

        Job register = management.createJobQuery().processInstanceId(card.processInstanceId()).messages().singleResult();
        assertThatThrownBy(() -> management.executeJob(register.getId()))
                .isInstanceOf(CaseStepRefused.class).message()
                .contains("不能执行「登记年度学时」", "登记机构审核由 " + kunming.schoolAdmin.username() + " 同意");

        AnnualRegistration after = registrations.require(card.getId());
        assertThat(AnnualStanding.of(registrations, caseProgress, card.getId())).as("open, its register job failed")
                .isEqualTo("OPEN@");
        assertThat(after.resultMet()).isNull();
        assertThat(after.publishedAt()).isNull();
        assertThat(registrations.result(after)).isEmpty();
        assertThat(history.of(PROCESS, String.valueOf(card.getId()))).hasSize(eventsBefore)
                .noneMatch(event -> event.outcome() == CaseOutcome.COMPLETED);
        assertThat(management.createJobQuery().jobId(register.getId()).singleResult().getExceptionMessage())
                .contains("不能执行「登记年度学时」");
    }

    /** As if the forged variables had got past the engine gate (see {@link ForgedCompletion}). */
    private void completeAs(CurrentAccount account, String group, String taskId, Map<String, Object> variables) {
        ForgedCompletion.complete(taskService, identity, account.username(), List.of(group), taskId, variables);
    }

    private void executeJobs(AnnualRegistration registration) {
        for (Job job : management.createJobQuery().processInstanceId(registration.processInstanceId()).messages().list()) {
            management.executeJob(job.getId());
        }
    }

    private String openTaskId(AnnualRegistration registration) {
        return tasks.openTask(PROCESS, String.valueOf(registration.getId())).orElseThrow().id();
    }
}
