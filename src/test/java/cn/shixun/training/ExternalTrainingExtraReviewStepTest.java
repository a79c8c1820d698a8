package cn.shixun.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
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

    @AfterEach
    void putTheOriginalModelBack() throws IOException {
        // Later tests in this context start cases on the latest version: make it the repository's model again.
        deploy(Files.readString(MODEL));
    }

    @Test
    void R31_R04_aCityReviewAddedInTheModelShowsByItsNameAndLevel_andTheCaseIsCreditedAfterIt() throws IOException {
        deploy(withCityReview(Files.readString(MODEL)));
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

    /**
     * externalTrainingApproval with 市级复核 between the registration authority's approval and the
     * provider check: routed to the city by {@code caseRouting.cityReview}, approve / return / reject like the others.
     */
    private static String withCityReview(String model) {
        String cityReview = """
                <bpmn:userTask id="UserTask_CityReview" name="市级复核" camunda:candidateGroups="${caseRouting.cityReview(execution)}"
                               camunda:dueDate="P10D" camunda:formRef="externalTrainingReview" camunda:formRefBinding="deployment">
                  <bpmn:extensionElements><camunda:properties><camunda:property name="caseTask" value="review" /></camunda:properties></bpmn:extensionElements>
                  <bpmn:incoming>SequenceFlow_AuthorityApproved</bpmn:incoming>
                  <bpmn:outgoing>SequenceFlow_CityReviewed</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="SequenceFlow_CityReviewed" sourceRef="UserTask_CityReview" targetRef="Gateway_CityDecision" />
                <bpmn:exclusiveGateway id="Gateway_CityDecision" name="市级复核结果">
                  <bpmn:incoming>SequenceFlow_CityReviewed</bpmn:incoming>
                  <bpmn:outgoing>SequenceFlow_CityApproved</bpmn:outgoing>
                  <bpmn:outgoing>SequenceFlow_CityReturned</bpmn:outgoing>
                  <bpmn:outgoing>SequenceFlow_CityRejected</bpmn:outgoing>
                </bpmn:exclusiveGateway>
                <bpmn:sequenceFlow id="SequenceFlow_CityApproved" name="同意" sourceRef="Gateway_CityDecision" targetRef="ServiceTask_CheckProvider">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'APPROVE'}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="SequenceFlow_CityReturned" name="退回修改" sourceRef="Gateway_CityDecision" targetRef="UserTask_AmendCompletion">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'RETURN'}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="SequenceFlow_CityRejected" name="不同意" sourceRef="Gateway_CityDecision" targetRef="EndEvent_Rejected">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'REJECT'}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                """;
        String changed = model
                .replace("sourceRef=\"Gateway_AuthorityDecision\" targetRef=\"ServiceTask_CheckProvider\"",
                        "sourceRef=\"Gateway_AuthorityDecision\" targetRef=\"UserTask_CityReview\"")
                .replace("<bpmn:incoming>SequenceFlow_AuthorityApproved</bpmn:incoming>\n      <bpmn:outgoing>SequenceFlow_ProviderQualified",
                        "<bpmn:incoming>SequenceFlow_CityApproved</bpmn:incoming>\n      <bpmn:outgoing>SequenceFlow_ProviderQualified")
                .replace("<bpmn:incoming>SequenceFlow_AuthorityReturned</bpmn:incoming>",
                        "<bpmn:incoming>SequenceFlow_AuthorityReturned</bpmn:incoming>\n"
                                + "      <bpmn:incoming>SequenceFlow_CityReturned</bpmn:incoming>")
                .replace("<bpmn:incoming>SequenceFlow_AuthorityRejected</bpmn:incoming>",
                        "<bpmn:incoming>SequenceFlow_AuthorityRejected</bpmn:incoming>\n"
                                + "      <bpmn:incoming>SequenceFlow_CityRejected</bpmn:incoming>")
                .replace("<bpmn:serviceTask id=\"ServiceTask_CheckProvider\"", cityReview
                        + "    <bpmn:serviceTask id=\"ServiceTask_CheckProvider\"");
        assertThat(changed).contains("targetRef=\"UserTask_CityReview\"", "<bpmn:incoming>SequenceFlow_CityApproved",
                "<bpmn:incoming>SequenceFlow_CityReturned", "<bpmn:incoming>SequenceFlow_CityRejected",
                "<bpmn:userTask id=\"UserTask_CityReview\"");
        return changed;
    }

    private void deploy(String model) {
        repository.createDeployment().name(ExternalTrainingProcess.PROCESS_ID)
                .addString(MODEL.getFileName().toString(), model).deploy();
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
