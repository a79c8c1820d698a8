package cn.shixun.insight.bottlenecks;

import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Keeps {@code task_wait} from the engine's history events (docs/adr/0013), beside the engine's own history
 * tables: whatever creates, routes, escalates, migrates, completes or deletes a user task — our casework,
 * Tasklist, the REST API, a migration, a cancellation, a boundary event — the engine reports it here, in the
 * same command and transaction.
 */
class TaskWaitHistory implements HistoryEventHandler {

    private static final Map<String, String> OUTCOMES = Map.of(Decision.APPROVE.name(), "APPROVED",
            Decision.RETURN.name(), "RETURNED", Decision.REJECT.name(), "REJECTED");

    // Resolved on first event: the writer's JDBC template is built beside the engine that reports to this.
    private final ObjectProvider<TaskWaitWriter> writers;

    TaskWaitHistory(ObjectProvider<TaskWaitWriter> writers) {
        this.writers = writers;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricTaskInstanceEventEntity task && task.getProcessInstanceId() != null) {
            taskEvent(task);
        } else if (event instanceof HistoricIdentityLinkLogEventEntity link && link.getTaskId() != null
                && link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())
                && HistoryEventTypes.IDENTITY_LINK_ADD.getEventName().equals(link.getEventType())) {
            writers.getObject().offered(link.getTaskId(), link.getGroupId());
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void taskEvent(HistoricTaskInstanceEventEntity task) {
        TaskWaitWriter writer = writers.getObject();
        String type = task.getEventType();
        if (HistoryEventTypes.TASK_INSTANCE_CREATE.getEventName().equals(type)) {
            ExecutionEntity execution = execution(task);
            writer.opened(new TaskWaitWriter.Opened(task.getTaskId(), task.getProcessInstanceId(),
                    task.getProcessDefinitionKey(), execution == null ? null : execution.getProcessBusinessKey(),
                    task.getTaskDefinitionKey(), task.getName(), candidateGroups(task.getTaskId()), task.getAssignee(),
                    task.getStartTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant()));
        } else if (HistoryEventTypes.TASK_INSTANCE_MIGRATE.getEventName().equals(type)) {
            writer.migrated(task.getTaskId(), task.getProcessDefinitionKey(), task.getTaskDefinitionKey(),
                    stepName(task));
        } else if (HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(type)
                || HistoryEventTypes.TASK_INSTANCE_DELETE.getEventName().equals(type)) {
            // Deleted with its case, by a boundary event or a migration, the engine's reason is not "completed".
            writer.ended(task.getTaskId(), task.getEndTime().toInstant(),
                    TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason())
                            ? completedAs(execution(task)) : "CANCELLED");
        }
    }

    /**
     * The candidate groups the model gave the task as it was created: the engine reports their history events
     * before the task's own, so they are read from the new task (still in the command's cache).
     */
    private static List<String> candidateGroups(String taskId) {
        TaskEntity created = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        return created == null ? List.of() : created.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).toList();
    }

    /** A migrated task keeps its name; the row takes the name of the step it now is. */
    private static String stepName(HistoricTaskInstanceEventEntity task) {
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        ActivityImpl step = definition == null ? null : definition.findActivity(task.getTaskDefinitionKey());
        return step == null || step.getName() == null ? task.getName() : step.getName();
    }

    /**
     * A review is completed with its decision in the process ({@link CaseTasks#DECISION}); the casework removes
     * the variable when the next task is created, so a submission completes without one.
     */
    private static String completedAs(ExecutionEntity execution) {
        Object decision = execution == null ? null : execution.getVariable(CaseTasks.DECISION);
        return decision == null ? "SUBMITTED" : OUTCOMES.getOrDefault(decision.toString(), "SUBMITTED");
    }

    private static ExecutionEntity execution(HistoricTaskInstanceEventEntity task) {
        return task.getExecutionId() == null ? null
                : Context.getCommandContext().getExecutionManager().findExecutionById(task.getExecutionId());
    }
}
