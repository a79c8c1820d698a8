package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.tasks.CaseTasks;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The one place that reads Camunda's command fields by reflection, and the closed list: an
 * engine upgrade that renames a field or changes a command's family fails here, not silently
 * in production.
 */
class EngineOperationsTest {

    @Test
    void everyFieldTheGateReadsExistsInThisEngine_andIsRead() {
        for (EngineOperations.FieldRef field : EngineOperations.READ_FIELDS) {
            assertThat(field.owner().getDeclaredFields()).as(field.toString())
                    .anyMatch(declared -> declared.getName().equals(field.name()));
        }
        CompleteTaskCmd complete = new CompleteTaskCmd("task-1", Map.of("decision", "APPROVE"));
        assertThat(EngineOperations.read(complete, EngineOperations.COMPLETE_VARIABLES))
                .isEqualTo(Map.of("decision", "APPROVE"));
        SubmitTaskFormCmd submit = new SubmitTaskFormCmd("task-2",
                Variables.createVariables().putValue("comment", "同意"), false, false);
        assertThat(((Map<?, ?>) EngineOperations.read(submit, EngineOperations.SUBMIT_FORM_VARIABLES)).keySet().toString())
                .isEqualTo("[comment]");
        assertThat(EngineOperations.read(new ClaimTaskCmd("task-3", "someone"), EngineOperations.CLAIM_USER))
                .isEqualTo("someone");
        assertThat(EngineOperations.read(new AssignTaskCmd("task-4", "other"), EngineOperations.IDENTITY_LINK_USER))
                .isEqualTo("other");
        DeleteDeploymentCmd delete = new DeleteDeploymentCmd("deployment-1", true, false, false);
        assertThat(EngineOperations.read(delete, EngineOperations.DELETE_DEPLOYMENT_ID)).isEqualTo("deployment-1");
        assertThat(EngineOperations.read(delete, EngineOperations.DELETE_DEPLOYMENT_CASCADE)).isEqualTo(true);
    }

    @Test
    void theTaskACommandActsOnIsReadFromTheEnginesCommands_notFromQueries() {
        assertThat(EngineOperations.taskIdOf(new CompleteTaskCmd("t1", null))).isEqualTo("t1");
        assertThat(EngineOperations.taskIdOf(new GetTaskVariablesCmd("t2", null, false, true))).isEqualTo("t2");
        assertThat(EngineOperations.taskIdOf(new AssignTaskCmd("t3", "x"))).as("a field of a superclass").isEqualTo("t3");
        assertThat(EngineOperations.taskIdOf(new TaskQueryImpl().taskId("t4"))).isNull();
    }

    @Test
    void operationsThatBypassCaseworkAreClosed_completionClaimAndMigrationAreNot() {
        assertThat(EngineOperations.closedOperation(new HandleTaskBpmnErrorCmd("t", "E"))).contains("task.bpmn-error");
        assertThat(EngineOperations.closedOperation(new ResolveTaskCmd("t", null))).contains("task.resolve");
        assertThat(EngineOperations.closedOperation(new DelegateTaskCmd("t", "u"))).contains("task.delegate");
        assertThat(EngineOperations.closedOperation(new SetTaskVariablesCmd("t", Map.of(), false))).contains("variables.set");
        assertThat(EngineOperations.closedOperation(new SetExecutionVariablesCmd("e", Map.of(), false)))
                .contains("variables.set");
        assertThat(EngineOperations.closedOperation(new PatchExecutionVariablesCmd("e", Map.of(), null, false)))
                .contains("variables.patch");
        assertThat(EngineOperations.closedOperation(new CompleteTaskCmd("t", null))).isEmpty();
        assertThat(EngineOperations.closedOperation(new ClaimTaskCmd("t", "u"))).isEmpty();
        assertThat(EngineOperations.closedOperation(new MigrateProcessInstanceCmd(null, false))).isEmpty();
    }

    @Test
    void aCompletionMayCarryTheCaseworksDecisionAndCommentOnly() {
        assertThat(EngineGate.COMPLETION_INPUT).containsExactlyInAnyOrder(CaseTasks.DECISION, CaseTasks.COMMENT);
    }
}
