package cn.shixun.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys the repository's models at start-up (in place of the Camunda starter's auto-deployment,
 * which made a changed file the latest version whoever had published since) and never replaces a
 * process owner's publication (issue 12 item 3). Per bundled model ({@link BundledModel}: a BPMN
 * file with its forms, or a DMN file), decided from our own record ({@code model_seed}):
 * <ul>
 *   <li>nothing deployed for its keys: deploy it (an empty database);</li>
 *   <li>the same checksum as last seeded: nothing;</li>
 *   <li>a lower version tag than last seeded: nothing (an older release starting beside a newer one);</li>
 *   <li>a changed file with the same version tag: start-up fails, since nobody can tell which of the
 *       two is newer; the file's author raises {@code camunda:versionTag};</li>
 *   <li>a higher version tag: deployed only if the latest definition of each of its keys is still the
 *       one we seeded. If someone published since (Modeler, {@code /engine-rest}, the console), the
 *       file is held back: a warning in the log and the held file on the model's row.</li>
 * </ul>
 * A model never seeded whose keys' latest definitions come from the starter's auto-deployment
 * ({@value #STARTER_DEPLOYMENT}, before this class) is deployed; one published by someone else is held.
 * <p>
 * All of it in one transaction under the row lock of {@code model_seed_lock} (the engine joins
 * Spring's transaction), so nodes starting at once compare and deploy one after the other: a
 * changed file is deployed once. Runs when the singletons are ready: after Flyway and the engine,
 * before the web server answers and before the demo-data runners start cases; then tells
 * {@link ModelsSeeded} to whoever builds on the deployed models.
 */
@Component
class ModelSeeder implements SmartInitializingSingleton {

    /** Where the models and forms are: {@code processes/} and {@code forms/} are resource roots (pom.xml). */
    static final String BUNDLED = "classpath*:**/";
    /** The deployment name of the Camunda starter's auto-deployment that seeded databases before this class. */
    static final String STARTER_DEPLOYMENT = "SpringAutoDeployment";
    /** The deployment source of our deployments (Cockpit shows it). */
    static final String SOURCE = "repository seed";

    private static final Logger log = LoggerFactory.getLogger(ModelSeeder.class);

    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    ModelSeeder(RepositoryService repository, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                ApplicationEventPublisher events) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed(bundled(BUNDLED));
        events.publishEvent(new ModelsSeeded(this));
    }

    /** The models under a location ({@code classpath*:**}{@code /}, {@code file:/some/dir/}) with their forms, by file name. */
    static List<BundledModel> bundled(String location) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Resource> forms = byName(resolver, location + "*.form");
        List<BundledModel> models = new ArrayList<>();
        byName(resolver, location + "*.bpmn").values().forEach(model -> models.add(BundledModel.read(model, forms)));
        byName(resolver, location + "*.dmn").values().forEach(model -> models.add(BundledModel.read(model, forms)));
        return models;
    }

    /** Compares each model with what it last seeded and what is deployed, and deploys or holds it back. */
    void seed(List<BundledModel> models) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT id FROM model_seed_lock WHERE id = 1 FOR UPDATE", Integer.class);
            models.forEach(this::seed);
        });
    }

    private void seed(BundledModel model) {
        Optional<Seeded> seeded = seeded(model.name());
        Set<String> inForce = latestDeployments(model.keys());
        String checksum = model.checksum();
        if (inForce.isEmpty()) {
            deploy(model, "nothing is deployed for " + model.keys());
            return;
        }
        if (seeded.isEmpty()) {
            if (inForce.stream().allMatch(id -> STARTER_DEPLOYMENT.equals(deploymentName(id)))) {
                deploy(model, "the starter's auto-deployment " + inForce + " is what runs");
            } else {
                holdBack(model, inForce);
            }
            return;
        }
        Seeded last = seeded.get();
        if (checksum.equals(last.checksum())) {
            return;
        }
        int newer = BundledModel.compareVersionTags(model.versionTag(), last.versionTag());
        if (newer < 0) {
            log.info("Model {} of version tag {} is older than the version tag {} seeded before; a newer release "
                    + "deployed that one, nothing deployed", model.name(), model.versionTag(), last.versionTag());
        } else if (newer == 0) {
            throw new IllegalStateException("Model " + model.name() + " differs from the file seeded before with the same "
                    + "version tag " + model.versionTag() + ": raise camunda:versionTag in the changed file, so that "
                    + "start-up can tell the newer file from the older one");
        } else if (Set.of(last.deploymentId()).containsAll(inForce)) {
            deploy(model, "version tag " + model.versionTag() + " is newer than " + last.versionTag());
        } else {
            holdBack(model, inForce);
        }
    }

    private void deploy(BundledModel model, String why) {
        DeploymentBuilder deployment = repository.createDeployment().name(model.name()).source(SOURCE);
        model.resources().forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
        String id = deployment.deploy().getId();
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("UPDATE model_seed SET checksum = ?, version_tag = ?, deployment_id = ?, seeded_at = ?, "
                + "held_checksum = NULL, held_version_tag = NULL, held_for_deployment = NULL, held_at = NULL "
                + "WHERE resource_name = ?", model.checksum(), model.versionTag(), id, now, model.name()) == 0) {
            jdbc.update("INSERT INTO model_seed (resource_name, checksum, version_tag, deployment_id, seeded_at) "
                    + "VALUES (?, ?, ?, ?, ?)", model.name(), model.checksum(), model.versionTag(), id, now);
        }
        log.info("Deployed model {} (version tag {}) with {} as deployment {}: {}", model.name(), model.versionTag(),
                model.resources().keySet(), id, why);
    }

    private void holdBack(BundledModel model, Set<String> inForce) {
        String publication = String.join(",", inForce);
        log.warn("Model {} of the repository (version tag {}) is NOT deployed: a process owner's publication is in force "
                + "(deployment {}), which start-up never replaces. Publish the file from the console or Modeler if it "
                + "should replace that publication", model.name(), model.versionTag(), publication);
        Timestamp now = Timestamp.from(Instant.now());
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM model_seed WHERE resource_name = ?", Integer.class,
                model.name());
        if (rows == null || rows == 0) {
            jdbc.update("INSERT INTO model_seed (resource_name, held_checksum, held_version_tag, held_for_deployment, held_at) "
                    + "VALUES (?, ?, ?, ?, ?)", model.name(), model.checksum(), model.versionTag(), publication, now);
        } else {
            // Held since the first start that held this file back for this publication.
            jdbc.update("UPDATE model_seed SET held_checksum = ?, held_version_tag = ?, held_for_deployment = ?, held_at = ? "
                    + "WHERE resource_name = ? AND (held_checksum IS NULL OR held_checksum <> ? OR held_for_deployment <> ?)",
                    model.checksum(), model.versionTag(), publication, now, model.name(), model.checksum(), publication);
        }
    }

    /** The deployments of the latest definitions of these process or decision keys (none for a key never deployed). */
    private Set<String> latestDeployments(List<String> keys) {
        Set<String> deployments = new LinkedHashSet<>();
        for (String key : keys) {
            ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .withoutTenantId().latestVersion().singleResult();
            DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .withoutTenantId().latestVersion().singleResult();
            Optional.<ResourceDefinition>ofNullable(process).or(() -> Optional.ofNullable(decision))
                    .ifPresent(definition -> deployments.add(definition.getDeploymentId()));
        }
        return deployments;
    }

    private String deploymentName(String deploymentId) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        return deployment == null ? null : deployment.getName();
    }

    /** What was seeded last for a model, if its row has a seeded file. */
    private Optional<Seeded> seeded(String name) {
        return jdbc.query("SELECT checksum, version_tag, deployment_id FROM model_seed WHERE resource_name = ? "
                        + "AND checksum IS NOT NULL",
                (row, n) -> new Seeded(row.getString(1), row.getString(2), row.getString(3)), name).stream().findFirst();
    }

    private record Seeded(String checksum, String versionTag, String deploymentId) {
    }

    private static Map<String, Resource> byName(PathMatchingResourcePatternResolver resolver, String pattern) {
        try {
            Map<String, Resource> byName = new TreeMap<>();
            for (Resource resource : resolver.getResources(pattern)) {
                byName.putIfAbsent(resource.getFilename(), resource);
            }
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
    }
}
