package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application reads the latest deployed table version: a process owner deploying a new
 * version of a notice's figures changes the answer without a code change.
 */
@SpringBootTest
class EnginePolicyDecisionsTest {

    @Autowired PolicyDecisions decisions;
    @Autowired RepositoryService repository;

    private static final PolicyKey KUNMING = new PolicyKey("kunming-2015", 1, "530100");

    @Test
    void R13_aNewlyDeployedTableVersionIsUsedAndReported() throws IOException {
        CreditRule before = decisions.creditRule(KUNMING, ClaimKind.BUREAU_TRAINING, null);
        assertThat(before.hoursPerDay()).isEqualByComparingTo("8");
        assertThat(before.decision().key()).isEqualTo("creditRules");

        String changed = Files.readString(FileDecisions.file("creditRules"))
                .replaceFirst("<outputEntry id=\"Out_creditRules_02_2\"><text>8</text>", "<outputEntry id=\"Out_creditRules_02_2\"><text>6</text>");
        Deployment deployment = repository.createDeployment().name("creditRules-test")
                .addString("creditRules.dmn", changed).deploy();
        try {
            CreditRule after = decisions.creditRule(KUNMING, ClaimKind.BUREAU_TRAINING, null);
            assertThat(after.hoursPerDay()).isEqualByComparingTo("6");
            assertThat(after.decision().version()).isEqualTo(before.decision().version() + 1);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertThat(decisions.creditRule(KUNMING, ClaimKind.BUREAU_TRAINING, null).decision().version())
                .isEqualTo(before.decision().version());
    }

    @Test
    void R09_aNewRequirementsVersionIsUsedByTheStatusLookups() throws IOException {
        int version = decisions.requirements(KUNMING).get(0).decision().version();
        String changed = Files.readString(FileDecisions.file("requirements"))
                .replaceFirst("<outputEntry id=\"Out_requirements_05_3\"><text>72</text>", "<outputEntry id=\"Out_requirements_05_3\"><text>80</text>");
        Deployment deployment = repository.createDeployment().name("requirements-test")
                .addString("requirements.dmn", changed).deploy();
        try {
            Requirement yearly = decisions.requirements(KUNMING).stream()
                    .filter(r -> r.code().equals("YEAR_TOTAL")).findFirst().orElseThrow();
            assertThat(yearly.minimumHours()).isEqualByComparingTo("80");
            assertThat(yearly.decision().version()).isEqualTo(version + 1);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
