package cn.shixun.processowner.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the plan page reads of a version: step names, which nodes are steps a case waits at, the forms they need deployed. */
class ModelStepsTest {

    @Test
    void readsTheStepsOfAProcedureWithTheirNamesKindsAndDeploymentForms() throws IOException {
        ModelSteps steps = ModelSteps.read(Files.newInputStream(Path.of("processes/degreeExemption.bpmn")));

        ModelSteps.Step school = steps.get("UserTask_SchoolReview");
        assertThat(school.label()).isEqualTo("学校审核");
        assertThat(school.task()).isTrue();
        assertThat(school.deploymentForm()).isEqualTo("degreeExemptionReview");
        assertThat(steps.get("ServiceTask_CreditHours").task()).isTrue();
        assertThat(steps.get("ServiceTask_CreditHours").deploymentForm()).isNull();
        assertThat(steps.get("Gateway_SchoolDecision").task()).as("a gateway is no step a case waits at").isFalse();
        assertThat(steps.get("NoSuchStep").label()).as("an id the model lacks reads as itself").isEqualTo("NoSuchStep");
    }
}
