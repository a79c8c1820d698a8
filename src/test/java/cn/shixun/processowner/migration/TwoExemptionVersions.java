package cn.shixun.processowner.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.AddedReviewStep;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Two versions of degreeExemption, deployed as a system administrator deploys them (a multipart
 * {@code POST /engine-rest/deployment/create} with the model and its forms): the repository's model
 * as a fresh version — so that its running cases are the test's own, not the demo data's — and a
 * target made from it ({@code port} 0: through the engine, for a context without a server). Cases are applied on the first and decided as the reviewers do; the
 * engine's batch jobs are run by {@link #runBatch}, since the job executor is off in tests.
 */
record TwoExemptionVersions(DegreeExemptions exemptions, CaseTasks cases, Accounts accounts, Teachers teachers,
                            EvidenceFiles evidence, RepositoryService repository, RuntimeService runtime,
                            ManagementService management, int port) {

    static final String SCHOOL_REVIEW = "UserTask_SchoolReview";
    static final String AUTHORITY_REVIEW = "UserTask_AuthorityReview";
    static final String CITY_REVIEW = "UserTask_CityReview";
    /** The target's school review: the same step under a new name. */
    static final String SCHOOL_REVIEW_RENAMED = "学校初审";
    /** The target's new step, 市级复核 after the registration authority's approval. */
    static final AddedReviewStep CITY_REVIEW_ADDED = new AddedReviewStep("SequenceFlow_AuthorityApproved",
            CITY_REVIEW, "市级复核", "cityReview", "degreeExemptionReview", "UserTask_Amend", "EndEvent_Rejected");

    /** The repository's model, deployed again: the source version. */
    ProcessDefinition deploySource(String name) {
        return deploy(ModelerDeployment.degreeExemptionModel(), name);
    }

    /** The target: school review renamed, a city review added after the authority's. */
    ProcessDefinition deployTarget(String name) {
        String renamed = ModelerDeployment.degreeExemptionModel()
                .replaceFirst("(id=\"" + SCHOOL_REVIEW + "\" name=\")学校审核\"", "$1" + SCHOOL_REVIEW_RENAMED + "\"");
        assertThat(renamed).contains(SCHOOL_REVIEW_RENAMED);
        return deploy(CITY_REVIEW_ADDED.into(renamed), name);
    }

    /** A version whose every step id differs from the repository's: no step of a running case has a counterpart. */
    ProcessDefinition deployWithoutTheReviews(String name) {
        return deploy(ModelerDeployment.degreeExemptionModel().replace(SCHOOL_REVIEW, "UserTask_SchoolCheck")
                .replace(AUTHORITY_REVIEW, "UserTask_AuthorityCheck"), name);
    }

    /** The repository's model as the latest version again, for the tests after this one in the context. */
    void restoreTheRepositoryModel() {
        deploy(ModelerDeployment.degreeExemptionModel(), "degreeExemption original");
    }

    DegreeExemption apply() {
        Teacher teacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        return exemptions.apply(teacher.getId(), "teacher", new Diploma("郑州大学", DegreeLevel.BACHELOR, "小学教育",
                true, LocalDate.of(2021, 9, 1), LocalDate.of(2024, 6, 30), "MIGRATION-" + System.nanoTime(),
                StoredEvidence.of(evidence, teacher.getId())));
    }

    /** The open step of the case decided by {@code reviewer} (a demo account). */
    void decide(DegreeExemption exemption, String reviewer, Decision decision, String comment) {
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), accounts.find(reviewer).orElseThrow(),
                decision, comment);
    }

    /** The credit step, which the job executor runs in the application. */
    void credit(DegreeExemption exemption) {
        Job credit = management.createJobQuery().activityId(DegreeExemptionProcess.CREDIT_HOURS)
                .processInstanceId(exemption.processInstanceId()).singleResult();
        management.executeJob(credit.getId());
    }

    String definitionOf(DegreeExemption exemption) {
        return runtime.createProcessInstanceQuery().processInstanceId(exemption.processInstanceId()).singleResult()
                .getProcessDefinitionId();
    }

    /** The batch's jobs as the job executor runs them: the seed job (creates one job per case), those, then the monitor. */
    void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        run(batch.getSeedJobDefinitionId());
        run(batch.getBatchJobDefinitionId());
        run(batch.getMonitorJobDefinitionId());
    }

    private void run(String jobDefinitionId) {
        for (Job job : management.createJobQuery().jobDefinitionId(jobDefinitionId).list()) {
            management.executeJob(job.getId());
        }
    }

    private ProcessDefinition deploy(String model, String name) {
        ModelerDeployment deployment = ModelerDeployment.degreeExemption(name, model);
        if (port == 0) {
            // No server (a context of its own, whose engine the REST API does not find by name): through the engine.
            var builder = repository.createDeployment().name(name).source("Camunda Modeler");
            deployment.files().forEach(builder::addString);
            builder.deploy();
            return latest();
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(deployment.request(URI.create("http://localhost:" + port), "Basic " + Base64.getEncoder()
                                    .encodeToString("sysadmin:shixun123".getBytes(StandardCharsets.UTF_8))),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return latest();
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DegreeExemptionProcess.PROCESS_ID)
                .latestVersion().singleResult();
    }
}
