package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.AddedReviewStep;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.StepLevel;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A process owner adds a review step to annualRegistration — the city confirms after the
 * registration authority — and deploys it; no Java changes. A card then waits at the city's step
 * with the name and level the model gives it, is returned from there and amended, and is
 * registered and published once the city approves (ADR 0011).
 */
@SpringBootTest
class ExtraReviewStepTest {

    private static final String CITY_REVIEW = "UserTask_CityReview";
    /** 市级复核 between the registration authority's approval and the register step. */
    private static final AddedReviewStep CITY_REVIEW_ADDED = new AddedReviewStep("SequenceFlow_AuthorityApproved",
            CITY_REVIEW, "市级复核", "cityReview", "annualRegistrationReview", "UserTask_AmendCard", "EndEvent_Rejected");

    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress progress;
    @Autowired CaseTasks tasks;
    @Autowired CaseHistory history;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;

    AnnualFixture kunming;
    String deploymentId;

    @BeforeEach
    void deployWithACityReview() throws IOException {
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
        deploymentId = repository.createDeployment().name("annualRegistration with a city review")
                .addString("annualRegistration.bpmn", CITY_REVIEW_ADDED.into(Files.readString(Path.of("processes/annualRegistration.bpmn"))))
                .addString("annualRegistrationReview.form", Files.readString(Path.of("forms/annualRegistrationReview.form")))
                .addString("annualRegistrationAmend.form", Files.readString(Path.of("forms/annualRegistrationAmend.form")))
                .deploy().getId();
    }

    @AfterEach
    void putTheOriginalModelBack() {
        // Later tests in this context start cards on the latest version: the repository's model again.
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void R04_R33_aCityReviewAddedInTheModelIsAStepOfItsOwnByNameAndLevel_andTheYearIsPublishedAfterIt() {
        Teacher teacher = kunming.teacher();
        kunming.projectHours(teacher, ClaimKind.BUREAU_TRAINING, "72", day(3, 1));
        AnnualRegistration card = registrations.submit(kunming.accountOf(teacher), YEAR, false, List.of(), null);
        tasks.decide(openTask(card).id(), kunming.schoolAdmin, Decision.APPROVE, null);
        tasks.decide(openTask(card).id(), kunming.countyReviewer, Decision.APPROVE, null);

        CaseProgress atCity = CaseProgress.of(progress.openTasks(card.getId()));
        assertThat(atCity.openSteps()).singleElement().satisfies(step -> {
            assertThat(step.key()).isEqualTo(CITY_REVIEW);
            assertThat(step.name()).isEqualTo("市级复核");
            assertThat(step.kind()).isEqualTo(CaseTask.Kind.REVIEW);
            assertThat(step.level()).isEqualTo(StepLevel.CITY);
        });
        assertThat(progress.statusLabel(registrations.require(card.getId()))).isEqualTo("市级复核中");
        assertThat(progress.stepCounts(List.of(registrations.require(card.getId()))))
                .extracting(count -> count.step().key(), RegistrationProgress.StepCount::registrations)
                .containsExactly(tuple(CITY_REVIEW, 1L));
        assertThat(tasks.worklist(kunming.cityReviewer, AnnualRegistrations.PROCESS_KEY, 0, 10))
                .extracting(CaseTask::caseId).contains(String.valueOf(card.getId()));

        tasks.decide(openTask(card).id(), kunming.cityReviewer, Decision.RETURN, "请补充年度考核表");
        assertThat(standing(card)).isEqualTo("OPEN@UserTask_AmendCard");
        assertThat(progress.statusLabel(registrations.require(card.getId()))).isEqualTo("待补充登记材料");
        registrations.amend(card.getId(), kunming.accountOf(teacher), List.of());
        assertThat(standing(card)).isEqualTo("OPEN@UserTask_SchoolReview");

        tasks.decide(openTask(card).id(), kunming.schoolAdmin, Decision.APPROVE, null);
        tasks.decide(openTask(card).id(), kunming.countyReviewer, Decision.APPROVE, null);
        tasks.decide(openTask(card).id(), kunming.cityReviewer, Decision.APPROVE, "同意");
        assertThat(standing(card)).as("approved: the engine registers the year").isEqualTo("OPEN@");
        // The job executor does this in the running application; it is off in tests.
        for (Job job : management.createJobQuery().processInstanceId(card.processInstanceId()).messages().list()) {
            management.executeJob(job.getId());
        }

        assertThat(standing(card)).isEqualTo("PUBLISHED");
        assertThat(registrations.require(card.getId()).resultMet()).isTrue();
        assertThat(history.of(AnnualRegistrations.PROCESS_KEY, String.valueOf(card.getId())))
                .filteredOn(event -> CITY_REVIEW.equals(event.taskKey())).extracting(CaseEvent::outcome)
                .containsExactly(CaseOutcome.RETURNED, CaseOutcome.APPROVED);
    }

    private CaseTask openTask(AnnualRegistration card) {
        return progress.openTasks(card.getId()).get(0);
    }

    private String standing(AnnualRegistration card) {
        return AnnualStanding.of(registrations, progress, card.getId());
    }

}
