package cn.shixun.exemption.process;

import cn.shixun.exemption.Decision;
import java.util.Date;
import java.util.Optional;
import cn.shixun.shared.BusinessRuleException;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The thin layer between the exemption module and the engine: starts {@code degreeExemption}
 * (business key = application id), finds the open task, completes it. No rule lives here.
 */
@Component
public class DegreeExemptionProcess {

    public static final String PROCESS_ID = "degreeExemption";
    public static final String SCHOOL_REVIEW = "UserTask_SchoolReview";
    public static final String AUTHORITY_REVIEW = "UserTask_AuthorityReview";
    public static final String AMEND = "UserTask_Amend";

    /** An open user task of an application, as the API shows it. */
    public record OpenTask(String id, String key, String name, String candidateGroup, String assignee, Date due) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;

    DegreeExemptionProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Starts the process for an application; returns the process instance id. */
    public String start(Long exemptionId, String applicant, String schoolGroup, String authorityGroup) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(exemptionId),
                DegreeExemptionVariables.atStart(exemptionId, applicant, schoolGroup, authorityGroup)).getId();
    }

    public Optional<OpenTask> openTask(Long exemptionId) {
        Task task = tasks.createTaskQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(exemptionId)).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
        return Optional.of(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), group,
                task.getAssignee(), task.getDueDate()));
    }

    /** Whether the user may work on the task: its assignee, or a member of its candidate group (ADR 0004). */
    public boolean mayWorkOn(OpenTask task, String username) {
        if (task.assignee() != null) {
            return task.assignee().equals(username);
        }
        return tasks.createTaskQuery().taskId(task.id()).taskCandidateUser(username).count() > 0;
    }

    public void decide(OpenTask task, Decision decision) {
        complete(task, DegreeExemptionVariables.decided(decision));
    }

    public void resubmit(OpenTask task) {
        complete(task, null);
    }

    /**
     * Completes the task, or refuses with 409 when someone else completed it meanwhile (another
     * node, another reviewer of the same group): the engine's optimistic lock, the task gone, or
     * the database choosing this transaction as a deadlock victim (MySQL/MariaDB, SQLState 40xxx).
     * The caller's transaction then rolls back, so the loser leaves no trace.
     */
    private void complete(OpenTask task, java.util.Map<String, Object> variables) {
        try {
            tasks.complete(task.id(), variables);
        } catch (OptimisticLockingException | NullValueException | NotFoundException raced) {
            throw decidedConcurrently(task);
        } catch (ProcessEngineException failure) {
            if (isTransactionRollback(failure)) {
                throw decidedConcurrently(task);
            }
            throw failure;
        }
    }

    private static BusinessRuleException decidedConcurrently(OpenTask task) {
        return BusinessRuleException.conflict("R-30", "id", "exemption.decided-concurrently", task.name());
    }

    private static boolean isTransactionRollback(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
