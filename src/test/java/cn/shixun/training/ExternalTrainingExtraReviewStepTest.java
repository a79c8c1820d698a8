package cn.shixun.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.AddedReviewStep;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.StepLevel;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process owner adds a review to externalTrainingApproval — the city confirms after the
 * registration authority — and deploys it; no Java changes. An application then shows the
 * city's step by the name and level the model gives it, the city's approval is taken as the step
 * it is (not as the school's consent, which was given before the training), and the hours are
 * credited after it.
 */
@SpringBootTest
class ExternalTrainingExtraReviewStepTest {

    private static final Path MODEL = Path.of("processes/externalTrainingApproval.bpmn");
    private static final String CITY_REVIEW = "UserTask_CityReview";
    /** 市级复核 between the registration authority's approval and the provider check. */
    private static final AddedReviewStep CITY_REVIEW_ADDED = new AddedReviewStep("SequenceFlow_AuthorityApproved",
            CITY_REVIEW, "市级复核", "cityReview", "externalTrainingReview", "UserTask_AmendCompletion", "EndEvent_Rejected");

    @Autowired Clock clock;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired EvidenceFiles evidence;
    @Autowired ExternalTrainings trainings;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired TrainingProviders providers;
    @Autowired JdbcTemplate jdbc;

    String variant;

    @AfterEach
    void putTheOriginalModelBack() {
        // Later tests in this context start cases on the latest version: the repository's model again.
        repository.deleteDeployment(variant, true);
    }

    @Test
    void R31_R04_aCityReviewAddedInTheModelShowsByItsNameAndLevel_andTheCaseIsCreditedAfterIt() throws IOException {
        variant = deploy(repository, CITY_REVIEW_ADDED.into(Files.readString(MODEL)));
        TrainingFixture data = new TrainingFixture(organisations, teachers, accounts, providers, jdbc, evidence,
                "henan-2016", LocalDate.now(clock));
        CurrentAccount teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        Long id = applied.getId();
        decide(id, data.schoolAdmin, Decision.APPROVE);
        data.trainingTookPlace(id, 3);
        runJob(id, "TimerEvent_TrainingEnded");
        trainings.submitCompletion(id, teacher, data.certificateOf(teacher.teacherId()));
        decide(id, data.schoolAdmin, Decision.APPROVE);
        decide(id, data.countyReviewer, Decision.APPROVE);

        CaseProgress progress = trainings.progress(id);
        assertThat(TrainingStanding.of(trainings, id)).isEqualTo("OPEN@" + CITY_REVIEW);
        assertThat(progress.openSteps()).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("市级复核");
            assertThat(step.kind()).isEqualTo(CaseTask.Kind.REVIEW);
            assertThat(step.level()).isEqualTo(StepLevel.CITY);
        });
        assertThat(trainings.require(id).statusLabel(progress)).isEqualTo("市级复核中");

        // The training started days ago: were this approval taken for the consent, it would be refused (R-31).
        decide(id, data.cityReviewer, Decision.APPROVE);
        assertThat(TrainingStanding.of(trainings, id)).as("to be credited").isEqualTo("OPEN@");
        runJob(id, "ServiceTask_CheckProvider");
        assertThat(TrainingStanding.of(trainings, id)).isEqualTo("REGISTERED");
    }

    /** Deploys the model with its forms, as a process owner's deployment would hold them. */
    private static String deploy(RepositoryService repository, String model) throws IOException {
        DeploymentBuilder deployment = repository.createDeployment()
                .name(ExternalTrainingProcess.PROCESS_ID + " with a city review").addString(MODEL.getFileName().toString(), model);
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("externalTraining")).toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        return deployment.deploy().getId();
    }

    /** The job the case waits for at {@code activityId}; the job executor is off in tests. */
    private void runJob(Long id, String activityId) {
        management.executeJob(management.createJobQuery().processInstanceId(trainings.require(id).processInstanceId())
                .activityId(activityId).singleResult().getId());
    }

    private void decide(Long id, CurrentAccount reviewer, Decision decision) {
        tasks.decide(tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(id)).orElseThrow().id(), reviewer,
                decision, null);
    }
}
