package cn.shixun.tasks;

import cn.shixun.shared.BusinessRuleException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completes an engine task as the deciding account, for {@link CaseTasks}: the engine knows who
 * acts, a refusal the casework listener raised comes out as itself, and losing a race to another
 * decision (lock, task gone, deadlock victim) is one clear 409.
 */
@Component
class TaskCompletion {

    private final TaskService tasks;
    private final IdentityService identity;

    TaskCompletion(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Completes the task as {@code username} in {@code groups}; unwraps a refusal the casework listener raised. */
    void completeAs(String username, List<String> groups, CaseTask task, Map<String, Object> variables) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(username, groups);
        try {
            tasks.complete(task.id(), variables);
        } catch (OptimisticLockingException | NullValueException | NotFoundException | AuthorizationException raced) {
            // Someone else completed it meanwhile (another reviewer, another node): the engine's
            // optimistic lock, the task already gone, or its grants gone with it (the account was
            // checked as a candidate just before, so a missing grant means the task has changed).
            throw BusinessRuleException.conflict(null, "taskId", "task.decided-concurrently", task.name());
        } catch (RuntimeException failure) {
            if (isTransactionRollback(failure)) {
                throw BusinessRuleException.conflict(null, "taskId", "task.decided-concurrently", task.name());
            }
            Optional<BusinessRuleException> refusal = refusalIn(failure);
            if (refusal.isEmpty() && CaseTasks.goneMeanwhile(tasks, task.id())) {
                // Any other engine failure on a task someone else completed meanwhile is that race too.
                throw BusinessRuleException.conflict(null, "taskId", "task.decided-concurrently", task.name());
            }
            throw refusal.orElseThrow(() -> failure);
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    /** MySQL/MariaDB chose this transaction as a deadlock victim (SQLState 40xxx): the other decision won. */
    private static boolean isTransactionRollback(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** The engine wraps what a task listener throws; a business refusal is found among the causes. */
    private static Optional<BusinessRuleException> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
