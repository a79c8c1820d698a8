package cn.shixun.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 12 item 3 on the application's engine and database (H2): start-up seeds an empty database
 * from the repository's models and never replaces a process owner's publication. A "later start
 * with a changed file" is {@link ModelSeeder#seed} with the models of a copy of {@code processes/}
 * and {@code forms/} in which one file changed, as the next release ships it.
 */
@SpringBootTest
@DirtiesContext
class ModelSeederTest {

    @Autowired
    ModelSeeder seeder;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HeldModels held;

    @TempDir
    Path release;

    @Test
    void anEmptyDatabaseIsSeededWithEachModelInADeploymentOfItsOwnWithItsForms() {
        List<BundledModel> models = ModelSeeder.bundled(ModelSeeder.BUNDLED);
        assertThat(models).extracting(BundledModel::name).contains("degreeExemption.bpmn", "creditRules.dmn").hasSize(11); // seven procedures (the publication's own among them) and four tables
        for (BundledModel model : models) {
            String deploymentId = jdbc.queryForObject("SELECT deployment_id FROM model_seed WHERE resource_name = ?",
                    String.class, model.name());
            assertThat(latestDeploymentOf(model.keys().get(0))).as(model.name()).isEqualTo(deploymentId);
            assertThat(repository.getDeploymentResources(deploymentId)).extracting(Resource::getName)
                    .containsExactlyInAnyOrderElementsOf(model.resources().keySet());
        }
        String exemption = latestDeploymentOf("degreeExemption");
        assertThat(repository.getDeploymentResources(exemption)).extracting(Resource::getName).containsExactlyInAnyOrder(
                "degreeExemption.bpmn", "degreeExemptionApply.form", "degreeExemptionReview.form", "degreeExemptionAmend.form");
        assertThat(repository.createDeploymentQuery().deploymentId(exemption).singleResult().getSource())
                .isEqualTo(ModelSeeder.SOURCE);
    }

    @Test
    void aSecondStartWithTheSameFilesDeploysNothing() {
        long deployments = repository.createDeploymentQuery().count();

        seeder.seed(ModelSeeder.bundled(ModelSeeder.BUNDLED));

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    /**
     * Before, the starter deployed all files at every start with duplicate filtering against its own
     * last deployment ({@value ModelSeeder#STARTER_DEPLOYMENT}): a file that differs from that one is
     * deployed and becomes the latest version, whatever a process owner published meanwhile. The end
     * of this test does exactly that on this engine and sees the publication replaced.
     */
    @Test
    void aChangedFileDoesNotReplaceAProcessOwnersPublication_itIsHeldBackAndRecorded() throws IOException {
        Map<String, byte[]> original = modelNamed("degreeExemption.bpmn", ModelSeeder.bundled(ModelSeeder.BUNDLED)).resources();
        String starterBefore = asTheStarterDeployed(original);
        String seeded = jdbc.queryForObject("SELECT deployment_id FROM model_seed WHERE resource_name = 'degreeExemption.bpmn'",
                String.class);
        DeploymentBuilder modeler = repository.createDeployment().name("degreeExemption-v2").source("Camunda Modeler");
        original.forEach((name, content) -> modeler.addInputStream(name, new ByteArrayInputStream(
                name.endsWith(".bpmn") ? text(content).replace("camunda:dueDate=\"P10D\"", "camunda:dueDate=\"P5D\"").getBytes(
                        StandardCharsets.UTF_8) : content)));
        String publication = modeler.deploy().getId();
        BundledModel changed = modelNamed("degreeExemption.bpmn", releaseWith("degreeExemption.bpmn",
                model -> model.replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"2\"")
                        .replace("学历提升免修申请（R-30）", "学历提升免修申请（R-30，2027）")));
        long deployments = repository.createDeploymentQuery().count();

        seeder.seed(ModelSeeder.bundled(release.toUri() + ""));

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(latestDeploymentOf("degreeExemption")).isEqualTo(publication);
        assertThat(jdbc.queryForMap("SELECT deployment_id, version_tag, held_checksum, held_version_tag, held_for_deployment "
                + "FROM model_seed WHERE resource_name = 'degreeExemption.bpmn'"))
                .containsEntry("DEPLOYMENT_ID", seeded).containsEntry("VERSION_TAG", "1")
                .containsEntry("HELD_CHECKSUM", changed.checksum()).containsEntry("HELD_VERSION_TAG", "2")
                .containsEntry("HELD_FOR_DEPLOYMENT", publication);
        assertThat(held.all()).filteredOn(model -> model.resourceName().equals("degreeExemption.bpmn")).singleElement()
                .satisfies(model -> {
                    assertThat(model.versionTag()).as("the held file's tag, for the console").isEqualTo("2");
                    assertThat(model.heldForDeployment()).isEqualTo(publication);
                    assertThat(model.heldSince()).isNotNull();
                });

        String starterAfter = asTheStarterDeployed(changed.resources());
        try {
            assertThat(starterAfter).isNotNull();
            assertThat(latestDeploymentOf("degreeExemption")).isEqualTo(starterAfter).isNotEqualTo(publication);
        } finally {
            repository.deleteDeployment(starterAfter, true);
            repository.deleteDeployment(starterBefore, true);
        }
    }

    @Test
    void aChangedFileWithNobodysPublicationSinceIsDeployed_andTheOlderFileOfANodeNotYetUpgradedIsNot() throws IOException {
        List<BundledModel> models = releaseWith("cycleVerification.bpmn",
                model -> model.replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"2\"")
                        .replace("camunda:dueDate=\"P20D\"", "camunda:dueDate=\"P25D\""));
        long deployments = repository.createDeploymentQuery().count();

        seeder.seed(models);

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        String deployed = latestDeploymentOf("cycleVerification");
        assertThat(repository.getDeploymentResources(deployed)).extracting(Resource::getName).containsExactlyInAnyOrder(
                "cycleVerification.bpmn", "cycleVerificationReview.form", "cycleVerificationAmend.form");
        assertThat(jdbc.queryForMap("SELECT deployment_id, version_tag, checksum, held_checksum FROM model_seed "
                + "WHERE resource_name = 'cycleVerification.bpmn'"))
                .containsEntry("DEPLOYMENT_ID", deployed).containsEntry("VERSION_TAG", "2")
                .containsEntry("CHECKSUM", modelNamed("cycleVerification.bpmn", models).checksum())
                .containsEntry("HELD_CHECKSUM", null);

        seeder.seed(ModelSeeder.bundled(ModelSeeder.BUNDLED));

        assertThat(latestDeploymentOf("cycleVerification")).isEqualTo(deployed);
    }

    @Test
    void aChangedFileWithTheSameVersionTagRefusesTheStart_andDeploysNothing() throws IOException {
        List<BundledModel> models = releaseWith("requirements.dmn", table -> table.replace("Rule_requirements_02", "Rule_requirements_2"));
        long deployments = repository.createDeploymentQuery().count();

        assertThatThrownBy(() -> seeder.seed(models)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requirements.dmn").hasMessageContaining("raise camunda:versionTag");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aModelWithoutAVersionTagIsRefused() throws IOException {
        assertThatThrownBy(() -> releaseWith("creditRules.dmn", table -> table.replaceAll(" camunda:versionTag=\"\\d+\"", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("creditRules.dmn needs one camunda:versionTag");
    }

    /** A database of the releases before this one, where the starter's auto-deployment runs the models. */
    @Test
    void aDatabaseTheStarterSeededGetsTheFileDeployedOnce_butAProcessOwnersDeploymentStays() {
        List<BundledModel> models = ModelSeeder.bundled(ModelSeeder.BUNDLED);
        jdbc.update("DELETE FROM model_seed WHERE resource_name IN ('cycleRules.dmn', 'recognisedCertificates.dmn')");
        String starter = asTheStarterDeployed(modelNamed("cycleRules.dmn", models).resources());
        DeploymentBuilder modeler = repository.createDeployment().name("recognisedCertificates-2027").source("Camunda Modeler");
        modelNamed("recognisedCertificates.dmn", models).resources()
                .forEach((name, content) -> modeler.addInputStream(name, new ByteArrayInputStream(content)));
        String publication = modeler.deploy().getId();

        seeder.seed(models);

        String seeded = latestDeploymentOf("cycleRules");
        assertThat(seeded).isNotEqualTo(starter);
        assertThat(jdbc.queryForObject("SELECT deployment_id FROM model_seed WHERE resource_name = 'cycleRules.dmn'",
                String.class)).isEqualTo(seeded);
        assertThat(latestDeploymentOf("recognisedCertificates")).isEqualTo(publication);
        assertThat(jdbc.queryForMap("SELECT deployment_id, held_for_deployment FROM model_seed "
                + "WHERE resource_name = 'recognisedCertificates.dmn'"))
                .containsEntry("DEPLOYMENT_ID", null).containsEntry("HELD_FOR_DEPLOYMENT", publication);
        long deployments = repository.createDeploymentQuery().count();

        seeder.seed(models);

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    /** Two nodes starting at once with a changed file: the lock makes one deploy it, the other find it seeded. */
    @Test
    void twoNodesStartingAtOnceDeployAChangedFileOnce() throws Exception {
        List<BundledModel> models = ModelRelease.newerVersionOf(release, "externalTrainingApproval.bpmn",
                "参加非教育行政部门组织的培训（R-31）");
        long deployments = repository.createDeploymentQuery().deploymentName("externalTrainingApproval.bpmn").count();
        CountDownLatch start = new CountDownLatch(1);
        Runnable node = () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seeder.seed(models);
        };
        CompletableFuture<Void> a = CompletableFuture.runAsync(node);
        CompletableFuture<Void> b = CompletableFuture.runAsync(node);
        start.countDown();
        CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);

        assertThat(repository.createDeploymentQuery().deploymentName("externalTrainingApproval.bpmn").count())
                .isEqualTo(deployments + 1);
    }

    private String latestDeploymentOf(String key) {
        ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        return process != null ? process.getDeploymentId()
                : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
                        .getDeploymentId();
    }

    /** What the Camunda starter did at every start, with these files as its resources (deployChangedOnly off, its default). */
    private String asTheStarterDeployed(Map<String, byte[]> resources) {
        DeploymentBuilder starter = repository.createDeployment().enableDuplicateFiltering(false)
                .name(ModelSeeder.STARTER_DEPLOYMENT);
        resources.forEach((name, content) -> starter.addInputStream(name, new ByteArrayInputStream(content)));
        return starter.deployWithResult().getId();
    }

    private List<BundledModel> releaseWith(String file, UnaryOperator<String> change) throws IOException {
        return ModelRelease.with(release, file, change);
    }

    private static BundledModel modelNamed(String name, List<BundledModel> models) {
        return models.stream().filter(model -> model.name().equals(name)).findFirst().orElseThrow();
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
