package cn.shixun.tasks;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The deadline timers a user task declares ({@link CaseworkBpmnParse}): the reminder and the
 * escalation of a case's open task, told apart by their job definitions.
 */
public final class DeadlineTimers {

    private DeadlineTimers() {
    }

    /** The reminder timer of the task {@code taskKey} open in the process instance. */
    public static Job reminderOf(ManagementService management, String processInstanceId, String taskKey) {
        return timer(management, processInstanceId, taskKey, "remindBefore");
    }

    /** The escalation timer (at the due date) of the task {@code taskKey} open in the process instance. */
    public static Job escalationOf(ManagementService management, String processInstanceId, String taskKey) {
        return timer(management, processInstanceId, taskKey, "dueDate");
    }

    private static Job timer(ManagementService management, String processInstanceId, String taskKey, String kind) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(taskKey).timers().list()
                .stream().filter(job -> {
                    JobDefinition definition = management.createJobDefinitionQuery()
                            .jobDefinitionId(job.getJobDefinitionId()).singleResult();
                    return definition.getJobConfiguration().startsWith("DATE: " + kind);
                })
                .reduce((one, another) -> {
                    throw new IllegalStateException("two " + kind + " timers on " + taskKey);
                })
                .orElseThrow(() -> new IllegalStateException("no " + kind + " timer on " + taskKey));
    }
}
