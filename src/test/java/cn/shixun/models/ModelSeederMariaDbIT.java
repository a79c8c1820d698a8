package cn.shixun.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.MariaDbTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes starting at once on MariaDB (InnoDB row locks, READ COMMITTED as in production) with a
 * newer file: the row lock of {@code model_seed_lock} makes one deploy it and the other find it
 * seeded. The shared context's engine and row are put back afterwards.
 */
@MariaDbTest
class ModelSeederMariaDbIT {

    private static final String FILE = "externalTrainingApproval.bpmn";

    @Autowired
    ModelSeeder seeder;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path release;

    @Test
    void twoNodesStartingAtOnceDeployANewerFileOnce() throws Exception {
        List<BundledModel> models = ModelRelease.newerVersionOf(release, FILE, "参加非教育行政部门组织的培训（R-31）");
        Map<String, Object> seeded = jdbc.queryForMap(
                "SELECT checksum, version_tag, deployment_id, seeded_at FROM model_seed WHERE resource_name = ?", FILE);
        long deployments = repository.createDeploymentQuery().deploymentName(FILE).count();
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
        try {
            CompletableFuture.allOf(a, b).get(120, TimeUnit.SECONDS);

            assertThat(repository.createDeploymentQuery().deploymentName(FILE).count()).isEqualTo(deployments + 1);
            assertThat(jdbc.queryForObject("SELECT version_tag FROM model_seed WHERE resource_name = ?", String.class, FILE))
                    .isEqualTo("2");
        } finally {
            repository.createDeploymentQuery().deploymentName(FILE).list().stream()
                    .filter(deployment -> !deployment.getId().equals(seeded.get("deployment_id")))
                    .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
            jdbc.update("UPDATE model_seed SET checksum = ?, version_tag = ?, deployment_id = ?, seeded_at = ? WHERE resource_name = ?",
                    seeded.get("checksum"), seeded.get("version_tag"), seeded.get("deployment_id"), seeded.get("seeded_at"), FILE);
        }
    }
}
