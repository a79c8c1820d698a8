package cn.shixun.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The demo cases in flight (R-31): after the demo data, {@code school.admin} has a consent to
 * give and {@code county.reviewer} an evidence review, and a second run adds nothing. Runs the
 * runner itself in the demo-data context (the demo scenario tests share it and assert exact
 * worklists, so the runner is off there), and deletes the cases' processes afterwards.
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class DemoExternalTrainingsTest {

    @Autowired Clock clock;
    @Autowired ExternalTrainings trainings;
    @Autowired ExternalTrainingRepository repository;
    @Autowired TrainingProviders providers;
    @Autowired Accounts accounts;
    @Autowired CaseTasks tasks;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired EvidenceFiles evidence;

    @AfterEach
    void removeTheDemoCasesFromTheSharedWorklists() {
        runtime.createProcessInstanceQuery().processDefinitionKey(ExternalTrainingProcess.PROCESS_ID).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "demo-data test done"));
    }

    @Test
    void R31_R04_theDemoAccountsFindExternalTrainingTasks_andASecondRunAddsNothing() {
        DemoExternalTrainings demo = new DemoExternalTrainings(trainings, repository, providers, accounts, tasks,
                management, transactionManager, evidence, clock);
        demo.run(null);

        List<CaseTask> schoolTasks = tasks.worklist(accounts.find("school.admin").orElseThrow(),
                ExternalTrainingProcess.PROCESS_ID, 0, 50);
        assertThat(schoolTasks).extracting(CaseTask::taskKey).contains(ExternalTrainingProcess.SCHOOL_CONSENT);
        List<CaseTask> countyTasks = tasks.worklist(accounts.find("county.reviewer").orElseThrow(),
                ExternalTrainingProcess.PROCESS_ID, 0, 50);
        assertThat(countyTasks).singleElement().satisfies(task -> {
            assertThat(task.taskKey()).isEqualTo(ExternalTrainingProcess.AUTHORITY_REVIEW);
            ExternalTraining training = trainings.require(Long.valueOf(task.caseId()));
            assertThat(TrainingStanding.of(trainings, training.getId()))
                    .isEqualTo("OPEN@" + ExternalTrainingProcess.AUTHORITY_REVIEW);
            assertThat(training.appliedOn()).isBefore(training.plan().startDate());
            // R-31: the replayed consent is recorded as given on the day it was, before the training.
            assertThat(training.consentedAt()).isEqualTo(training.appliedOn().atStartOfDay(clock.getZone()).toInstant());
            assertThat(training.evidence().certificateNumber()).isEqualTo("ZZSY-2026-PX-0417");
            assertThat(evidence.describe(training.evidence().certificateFile())).as("the scan is a stored file")
                    .hasValueSatisfying(file -> assertThat(file.teacherId()).isEqualTo(training.teacherId()));
            assertThat(evidence.describe(training.plan().planFile())).isPresent();
        });
        long count = repository.count();

        demo.run(null);
        assertThat(repository.count()).isEqualTo(count);
    }
}
