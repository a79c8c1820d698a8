package cn.shixun.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.SetJobsRetriesByProcessBatchCmd;
import org.camunda.bpm.engine.impl.batch.DeleteBatchCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.StateTransitionCaseExecutionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What the engine gate ({@link EngineGate}) knows about Camunda's commands: which ones bypass
 * the casework and are closed to everyone but system administrators, and the few fields of a
 * command it must read. Camunda 7.24's commands, found in the engine jar ({@code impl.cmd} and
 * its siblings); an engine upgrade that renames one fails {@code EngineOperationsTest}.
 *
 * <p>Closed, by family (ADR 0009): a case moves only by a task completed with a decision and a
 * comment; anything that ends, moves, starts, re-routes or re-times a case, or rewrites its
 * variables or history, is not casework.
 */
final class EngineOperations {

    /** Closed commands and the name the refusal and the audit give them; a class here also closes its subclasses. */
    private static final Map<Class<?>, String> CLOSED = closed();

    private static Map<Class<?>, String> closed() {
        java.util.LinkedHashMap<Class<?>, String> closed = new java.util.LinkedHashMap<>();
        // Tasks: ending a process by an error or escalation, resolving (completing a delegated task
        // with any variables), delegating, handing it to someone or some group, rewriting or deleting it.
        closed.put(HandleTaskBpmnErrorCmd.class, "task.bpmn-error");
        closed.put(HandleTaskEscalationCmd.class, "task.bpmn-escalation");
        closed.put(ResolveTaskCmd.class, "task.resolve");
        closed.put(DelegateTaskCmd.class, "task.delegate");
        closed.put(SetTaskOwnerCmd.class, "task.set-owner");
        closed.put(AddUserIdentityLinkCmd.class, "task.add-identity-link");
        closed.put(AddGroupIdentityLinkCmd.class, "task.add-identity-link");
        closed.put(DeleteIdentityLinkCmd.class, "task.delete-identity-link");
        closed.put(SaveTaskCmd.class, "task.save");
        closed.put(DeleteTaskCmd.class, "task.delete");
        closed.put(SetTaskDueDateCmd.class, "task.set-due-date");
        closed.put(SetTaskFollowUpDateCmd.class, "task.set-follow-up-date");
        closed.put(SetTaskPriorityCmd.class, "task.set-priority");
        closed.put(SetTaskNameCmd.class, "task.set-name");
        closed.put(SetTaskDescriptionCmd.class, "task.set-description");
        // Variables of tasks, executions and process instances: routing groups and record ids live there.
        closed.put(AbstractSetVariableCmd.class, "variables.set");
        closed.put(AbstractPatchVariablesCmd.class, "variables.patch");
        closed.put(AbstractRemoveVariableCmd.class, "variables.remove");
        closed.put(SetVariablesToProcessInstancesBatchCmd.class, "variables.set");
        closed.put(CaseExecutionVariableCmd.class, "variables.set");
        // Process instances: deleting, modifying, restarting, suspending, moving to another definition version.
        closed.put(AbstractDeleteProcessInstanceCmd.class, "process-instance.delete");
        closed.put(DeleteProcessInstanceBatchCmd.class, "process-instance.delete");
        closed.put(ModifyProcessInstanceCmd.class, "process-instance.modify");
        closed.put(ModifyProcessInstanceAsyncCmd.class, "process-instance.modify");
        closed.put(ProcessInstanceModificationCmd.class, "process-instance.modify");
        closed.put(ProcessInstanceModificationBatchCmd.class, "process-instance.modify");
        closed.put(AbstractRestartProcessInstanceCmd.class, "process-instance.restart");
        closed.put(RestartProcessInstancesBatchCmd.class, "process-instance.restart");
        closed.put(AbstractSetProcessInstanceStateCmd.class, "process-instance.suspend-or-activate");
        closed.put(AbstractUpdateProcessInstancesSuspendStateCmd.class, "process-instance.suspend-or-activate");
        closed.put(AbstractSetProcessDefinitionStateCmd.class, "process-definition.suspend-or-activate");
        closed.put(SetProcessDefinitionVersionCmd.class, "process-instance.set-definition-version");
        // Starting a case from outside: our services start each procedure for a record they created.
        closed.put(StartProcessInstanceCmd.class, "process-instance.start");
        closed.put(StartProcessInstanceAtActivitiesCmd.class, "process-instance.start");
        closed.put(SubmitStartFormCmd.class, "process-instance.start");
        closed.put(EvaluateStartConditionCmd.class, "process-instance.start");
        closed.put(CreateCaseInstanceCmd.class, "case-instance.start");
        closed.put(StateTransitionCaseExecutionCmd.class, "case-instance.transition");
        // Messages and signals: they start processes and move waiting ones.
        closed.put(AbstractCorrelateMessageCmd.class, "message.correlate");
        closed.put(CorrelateAllMessageBatchCmd.class, "message.correlate");
        closed.put(MessageEventReceivedCmd.class, "message.correlate");
        closed.put(SignalCmd.class, "signal.send");
        closed.put(SignalEventReceivedCmd.class, "signal.send");
        // Jobs: executing a timer or an asynchronous step now, retrying, re-timing, deleting.
        closed.put(ExecuteJobsCmd.class, "job.execute");
        closed.put(SetJobRetriesCmd.class, "job.set-retries");
        closed.put(AbstractSetJobsRetriesBatchCmd.class, "job.set-retries");
        closed.put(SetJobsRetriesByProcessBatchCmd.class, "job.set-retries");
        closed.put(SetJobDuedateCmd.class, "job.set-due-date");
        closed.put(RecalculateJobDuedateCmd.class, "job.set-due-date");
        closed.put(SetJobPriorityCmd.class, "job.set-priority");
        closed.put(SetJobDefinitionPriorityCmd.class, "job.set-priority");
        closed.put(DeleteJobCmd.class, "job.delete");
        closed.put(UnlockJobCmd.class, "job.unlock");
        closed.put(AbstractSetJobStateCmd.class, "job.suspend-or-activate");
        closed.put(AbstractSetJobDefinitionStateCmd.class, "job.suspend-or-activate");
        // External tasks: none of our procedures has one; completing one would move a case.
        closed.put(ExternalTaskCmd.class, "external-task");
        closed.put(FetchExternalTasksCmd.class, "external-task.fetch");
        closed.put(AbstractSetExternalTaskRetriesCmd.class, "external-task.set-retries");
        closed.put(SetExternalTaskPriorityCmd.class, "external-task.set-priority");
        // Incidents: raising or resolving one by hand.
        closed.put(CreateIncidentCmd.class, "incident.create");
        closed.put(ResolveIncidentCmd.class, "incident.resolve");
        // History: nothing is silently removed.
        closed.put(DeleteHistoricProcessInstancesCmd.class, "history.delete");
        closed.put(DeleteHistoricProcessInstancesBatchCmd.class, "history.delete");
        closed.put(DeleteHistoricTaskInstanceCmd.class, "history.delete");
        closed.put(DeleteHistoricVariableInstanceCmd.class, "history.delete");
        closed.put(DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, "history.delete");
        closed.put(DeleteHistoricDecisionInstanceByDefinitionIdCmd.class, "history.delete");
        closed.put(DeleteHistoricDecisionInstanceByInstanceIdCmd.class, "history.delete");
        closed.put(DeleteHistoricDecisionInstancesBatchCmd.class, "history.delete");
        closed.put(DeleteHistoricDecisionInstancesBulkCmd.class, "history.delete");
        closed.put(DeleteHistoricCaseInstanceCmd.class, "history.delete");
        closed.put(DeleteHistoricCaseInstancesBulkCmd.class, "history.delete");
        closed.put(DeleteUserOperationLogEntryCmd.class, "history.delete");
        closed.put(SetRemovalTimeToHistoricProcessInstancesCmd.class, "history.set-removal-time");
        closed.put(SetRemovalTimeToHistoricDecisionInstancesCmd.class, "history.set-removal-time");
        closed.put(SetRemovalTimeToHistoricBatchesCmd.class, "history.set-removal-time");
        closed.put(DeleteHistoricBatchCmd.class, "history.delete");
        closed.put(DeleteBatchCmd.class, "batch.delete");
        // Definitions: deleting one deletes its cases with it (a process owner deletes an unused deployment instead).
        closed.put(AbstractDeleteProcessDefinitionCmd.class, "process-definition.delete");
        return java.util.Collections.unmodifiableMap(closed);
    }

    private EngineOperations() {
    }

    /** The closed operation {@code command} is, if it is one. */
    static Optional<String> closedOperation(Command<?> command) {
        for (Map.Entry<Class<?>, String> closed : CLOSED.entrySet()) {
            if (closed.getKey().isInstance(command)) {
                return Optional.of(closed.getValue());
            }
        }
        return Optional.empty();
    }

    // ---- Reading a command's input. Camunda keeps it in protected fields with no getters; this is
    // the one place that reads them. Each (class, field) is listed and checked by EngineOperationsTest.

    /** The commands whose {@code taskId} names the task they act on (reads and writes of one task). */
    static final String TASK_ID = "taskId";

    record FieldRef(Class<?> owner, String name) {
    }

    static final FieldRef COMPLETE_VARIABLES = new FieldRef(CompleteTaskCmd.class, "variables");
    static final FieldRef SUBMIT_FORM_VARIABLES = new FieldRef(SubmitTaskFormCmd.class, "properties");
    static final FieldRef CLAIM_USER = new FieldRef(ClaimTaskCmd.class, "userId");
    static final FieldRef IDENTITY_LINK_USER = new FieldRef(AbstractAddIdentityLinkCmd.class, "userId");
    static final FieldRef DELETE_DEPLOYMENT_ID = new FieldRef(DeleteDeploymentCmd.class, "deploymentId");
    static final FieldRef DELETE_DEPLOYMENT_CASCADE = new FieldRef(DeleteDeploymentCmd.class, "cascade");

    static final List<FieldRef> READ_FIELDS = List.of(COMPLETE_VARIABLES, SUBMIT_FORM_VARIABLES, CLAIM_USER,
            IDENTITY_LINK_USER, DELETE_DEPLOYMENT_ID, DELETE_DEPLOYMENT_CASCADE);

    /** The value of {@code field} in {@code command} (which must be an instance of its owner). */
    static Object read(Command<?> command, FieldRef field) {
        try {
            Field declared = field.owner().getDeclaredField(field.name());
            declared.setAccessible(true);
            return declared.get(command);
        } catch (ReflectiveOperationException engineChanged) {
            throw new IllegalStateException("The engine's " + field.owner().getSimpleName() + " has no field "
                    + field.name() + " any more: update EngineOperations", engineChanged);
        }
    }

    /**
     * The task a command of the engine's own command package acts on, read from its {@code taskId}
     * field (null when it names none); also the two task form commands kept elsewhere. Queries live
     * elsewhere and are not read.
     */
    static String taskIdOf(Command<?> command) {
        if (command instanceof GetTaskFormVariablesCmd formVariables) {
            return formVariables.resourceId; // public, the task's id
        }
        if (!command.getClass().getPackageName().equals(CompleteTaskCmd.class.getPackageName())
                && !(command instanceof GetDeployedTaskFormCmd)) {
            return null;
        }
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field declared = type.getDeclaredField(TASK_ID);
                if (declared.getType() != String.class) {
                    return null;
                }
                declared.setAccessible(true);
                return (String) declared.get(command);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            } catch (IllegalAccessException cannot) {
                throw new IllegalStateException("Cannot read taskId of " + type.getSimpleName(), cannot);
            }
        }
        return null;
    }
}
