package cn.shixun.security;

import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.AuditedRefusal;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine gate (ADR 0009): the engine executes the procedures, it never decides. Every call
 * from outside — {@code /engine-rest}, the Camunda webapps, any channel later — reaches the
 * engine as a command with an authenticated engine user; this interceptor looks at exactly
 * those, the outermost command of a thread with an engine user, before it runs:
 * <ul>
 *   <li>operations that bypass the casework ({@link EngineOperations}) are refused to everyone
 *       but system administrators, and audited when they use them;</li>
 *   <li>a command on one task is answered as for an unknown task unless the caller may see the
 *       task: someone else's task is indistinguishable from none (404, not 403);</li>
 *   <li>a completion carries {@code decision} and {@code comment} only, for everyone: routing
 *       groups and record ids are never taken from outside;</li>
 *   <li>a process owner works no task, save one: the second owner's approval of a publication,
 *       completed by the console's publication service ({@link OwnerApprovalTask});</li>
 *   <li>only system administrators deploy (an audited break-glass): a process owner publishes through
 *       the console's four-eyes approval, whose case deploys without an engine user;</li>
 *   <li>a process owner deletes a deployment only when no case ever ran on it, never with
 *       cascade; deployments and their deletions are audited.</li>
 * </ul>
 * Commands that our delegates and listeners issue while a command runs are nested and pass;
 * our own services call the engine without an engine user (except {@code CaseTasks}, which
 * completes with a decision and a comment, like anyone) and pass.
 *
 * <p>Over 300 lines because it is one gate: the checks above must meet every outside command at a
 * single interception point and in one order, and splitting them would spread that order over
 * several classes; three collaborators.
 */
final class EngineGate extends CommandInterceptor {

    /** What a completion may carry: {@code CaseTasks.DECISION} and {@code CaseTasks.COMMENT} (tasks depends on us). */
    static final Set<String> COMPLETION_INPUT = Set.of("decision", "comment");
    static final String REFUSED = "engine.refused";

    private static final Logger log = LoggerFactory.getLogger(EngineGate.class);

    /** How a refusal is answered: a closed operation, an unknown task, or by its reason (bad input, a conflict). */
    private enum Answer { CLOSED, UNKNOWN, REFUSED }

    private final ProcessEngineConfigurationImpl configuration;
    private final RefusalText refusals;
    private final ApplicationEventPublisher events;

    EngineGate(ProcessEngineConfigurationImpl configuration, RefusalText refusals, ApplicationEventPublisher events) {
        this.configuration = configuration;
        this.refusals = refusals;
        this.events = events;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command); // nested: issued by the engine or our delegates while a command runs
        }
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            return next.execute(command); // our own services, the job executor, start-up
        }
        String user = caller.getUserId();
        boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(CandidateGroup.CAMUNDA_ADMIN);
        String taskId = EngineOperations.taskIdOf(command);

        Optional<String> closed = closedOperation(command, user);
        if (closed.isPresent()) {
            if (!admin) {
                throw refused(user, closed.get(), taskId, Answer.CLOSED,
                        BusinessRuleException.forbidden(null, "operation", "engine.gate.closed", closed.get()));
            }
            return audited(command, user, "engine.admin." + closed.get(), taskId == null ? "request" : "task",
                    taskId != null ? taskId : requestLine(), "系统管理员执行了绕过办理流程的引擎操作：" + closed.get()
                            + (taskId == null ? "" : "（" + requestLine() + "）"));
        }
        String operation = operationOf(command);
        boolean processOwner = !admin && caller.getGroupIds() != null
                && caller.getGroupIds().contains(CandidateGroup.PROCESS_OWNERS);
        if (processOwner && taskId != null && !isOwnerApproval(command, taskId)) {
            // The same answer for every task id, so that it tells nothing about the task.
            throw refused(user, operation, taskId, Answer.CLOSED,
                    BusinessRuleException.forbidden(null, "operation", "engine.gate.owner-task", operation));
        }
        if (taskId != null && !admin) {
            Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                        && couldHaveDecided(taskId, caller)) {
                    // Lost the race to a colleague whose decision has committed: a conflict, as on our API.
                    throw refused(user, operation, taskId, Answer.REFUSED,
                            BusinessRuleException.conflict(null, "taskId", "task.already-completed", taskId));
                }
                throw refused(user, operation, taskId, Answer.UNKNOWN,
                        BusinessRuleException.notFound("taskId", "engine.gate.task-not-found", taskId));
            }
            if (command instanceof AssignTaskCmd && task.getAssignee() != null && !user.equals(task.getAssignee())) {
                // Unclaiming, or taking for oneself, a task someone else has claimed: only they may let it go.
                throw refused(user, "task.set-assignee", taskId, Answer.CLOSED,
                        BusinessRuleException.forbidden(null, "operation", "engine.gate.closed", "task.set-assignee"));
            }
        }
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            checkCompletionInput(command, user, operation, taskId);
            return completing(command, taskId);
        }
        if (command instanceof DeleteDeploymentCmd) {
            return deletingDeployment(command, user, admin);
        }
        if (command instanceof DeployCmd) {
            if (!admin) {
                // Publications go through the console's four-eyes approval (ADR 0012); the engine's grant is withdrawn too.
                throw refused(user, "deployment.create", null, Answer.CLOSED,
                        BusinessRuleException.forbidden(null, "operation", "engine.gate.deployment-closed"));
            }
            return deploying(command, user);
        }
        return next.execute(command);
    }

    /** The closed operation {@code command} is for this caller; claiming a task for oneself or unclaiming it is not one. */
    private static Optional<String> closedOperation(Command<?> command, String user) {
        if (command instanceof ClaimTaskCmd) {
            Object claimant = EngineOperations.read(command, EngineOperations.CLAIM_USER);
            return claimant == null || user.equals(claimant) ? Optional.empty() : Optional.of("task.claim-for-another");
        }
        if (command instanceof AssignTaskCmd) {
            Object assignee = EngineOperations.read(command, EngineOperations.IDENTITY_LINK_USER);
            return assignee == null || user.equals(assignee) ? Optional.empty() : Optional.of("task.set-assignee");
        }
        return EngineOperations.closedOperation(command);
    }

    private static String operationOf(Command<?> command) {
        if (command instanceof CompleteTaskCmd) {
            return "task.complete";
        }
        if (command instanceof SubmitTaskFormCmd) {
            return "task.submit-form";
        }
        return "task." + command.getClass().getSimpleName().replaceAll("Cmd$", "");
    }

    private void checkCompletionInput(Command<?> command, String user, String operation, String taskId) {
        Object input = EngineOperations.read(command, command instanceof CompleteTaskCmd
                ? EngineOperations.COMPLETE_VARIABLES : EngineOperations.SUBMIT_FORM_VARIABLES);
        if (!(input instanceof Map<?, ?> variables)) {
            return;
        }
        for (Map.Entry<?, ?> variable : new TreeMap<>(variables).entrySet()) {
            String name = String.valueOf(variable.getKey());
            if (!COMPLETION_INPUT.contains(name)) {
                throw refused(user, operation, taskId, Answer.REFUSED,
                        BusinessRuleException.violation("R-40", name, "engine.gate.variable-not-allowed", name));
            }
            Object value = variable.getValue() instanceof TypedValue typed ? typed.getValue() : variable.getValue();
            if (value != null && !(value instanceof String)) {
                throw refused(user, operation, taskId, Answer.REFUSED,
                        BusinessRuleException.violation("R-40", name, "engine.gate.variable-not-text", name));
            }
        }
    }

    /**
     * Whether a task that is gone was one the caller could have decided: completed, and assigned
     * to them or offered to one of their groups. Only then is "already decided" an answer that
     * reveals nothing; read without the caller's grants, which went with the task.
     */
    private boolean couldHaveDecided(String taskId, Authentication caller) {
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return next.execute(context -> context.runWithoutAuthorization(() -> {
            HistoryService history = configuration.getHistoryService();
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                    .singleResult();
            if (done == null) {
                return false;
            }
            return caller.getUserId().equals(done.getAssignee())
                    || history.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                            .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                                    && (groups.contains(link.getGroupId()) || caller.getUserId().equals(link.getUserId())));
        }));
    }

    /** The publication service completing a second owner's approval ({@link OwnerApprovalTask}), read without the caller's grants. */
    private boolean isOwnerApproval(Command<?> command, String taskId) {
        if (!(command instanceof CompleteTaskCmd) || !OwnerApprovalTask.isCompleting(taskId)) {
            return false;
        }
        return next.execute(context -> context.runWithoutAuthorization(() -> {
            Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            return task != null && OwnerApprovalTask.TASK_KEY.equals(task.getTaskDefinitionKey())
                    && OwnerApprovalTask.PROCESS_KEY.equals(configuration.getRepositoryService()
                            .getProcessDefinition(task.getProcessDefinitionId()).getKey());
        }));
    }

    /** A completion that loses a race (the task gone by the time it runs) is a conflict, not an unknown task. */
    private <T> T completing(Command<T> command, String taskId) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException failure) {
            if (taskId != null && !(failure instanceof EngineRefusal) && decidedMeanwhile(taskId)) {
                BusinessRuleException conflict = BusinessRuleException.conflict(null, "taskId",
                        "task.decided-concurrently", taskId);
                throw new ProcessEngineException(refusals.forRecord(conflict), conflict);
            }
            throw failure;
        }
    }

    /**
     * Whether the task has been completed by someone else meanwhile. Read without the caller's grants:
     * they went with the task, and read with them the finished task is invisible, so that the loser of
     * a race saw the engine's "not authorized" (403) instead of "decided meanwhile" (409).
     */
    private boolean decidedMeanwhile(String taskId) {
        return next.execute(context -> context.runWithoutAuthorization(() ->
                configuration.getTaskService().createTaskQuery().taskId(taskId).count() == 0
                        && configuration.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
                                .finished().count() > 0));
    }

    private <T> T deletingDeployment(Command<T> command, String user, boolean admin) {
        String deploymentId = (String) EngineOperations.read(command, EngineOperations.DELETE_DEPLOYMENT_ID);
        boolean cascade = (Boolean) EngineOperations.read(command, EngineOperations.DELETE_DEPLOYMENT_CASCADE);
        if (!admin) {
            if (cascade) {
                throw refused(user, "deployment.delete-cascade", null, Answer.CLOSED,
                        BusinessRuleException.forbidden(null, "cascade", "engine.gate.closed", "deployment.delete-cascade"));
            }
            long cases = casesOf(deploymentId);
            if (cases > 0) {
                throw refused(user, "deployment.delete", null, Answer.CLOSED,
                        BusinessRuleException.conflict(null, "deploymentId", "engine.gate.deployment-in-use", cases));
            }
        }
        return audited(command, user, "engine.deployment.delete", "deployment", deploymentId,
                "删除部署 " + deploymentId + (cascade ? "（级联删除其流程实例与历史）" : ""));
    }

    /** Running and finished process instances of the deployment's definitions, read without the caller's grants. */
    private long casesOf(String deploymentId) {
        return next.execute(context -> context.runWithoutAuthorization(() -> {
            long count = 0;
            for (ProcessDefinition definition : configuration.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(deploymentId).list()) {
                count += configuration.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionId(definition.getId()).count();
                count += configuration.getHistoryService().createHistoricProcessInstanceQuery()
                        .processDefinitionId(definition.getId()).count();
            }
            return count;
        }));
    }

    /**
     * Runs a deployment and audits it in the deployment's transaction: one line for the deployment,
     * one per resource with its SHA-256 (a line holds 1,000 characters; a deployment has dozens of files).
     */
    private <T> T deploying(Command<T> command, String user) {
        return next.execute(context -> {
            T result = command.execute(context);
            if (result instanceof DeploymentEntity deployment) {
                Map<String, ResourceEntity> resources = deployment.getResources() == null ? Map.of()
                        : deployment.getResources();
                events.publishEvent(new AuditedAction("engine.deployment.create", "deployment", deployment.getId(),
                        "部署 " + deployment.getName() + "，" + resources.size() + " 个文件（" + requestLine() + "）",
                        null, user));
                new TreeMap<>(resources).values().forEach(resource -> events.publishEvent(new AuditedAction(
                        "engine.deployment.resource", "deployment", deployment.getId(),
                        resource.getName() + " sha256=" + sha256(resource), null, user)));
            }
            return result;
        });
    }

    private <T> T audited(Command<T> command, String user, String action, String subjectType, String subjectId,
                          String detail) {
        return next.execute(context -> {
            T result = command.execute(context);
            events.publishEvent(new AuditedAction(action, subjectType, subjectId, detail, null, user));
            return result;
        });
    }

    /** Records the refusal (in a transaction of its own) and returns it to be thrown, with its text for a person. */
    private RuntimeException refused(String user, String operation, String taskId, Answer answer,
                                     BusinessRuleException reason) {
        String text = refusals.forRecord(reason);
        events.publishEvent(new AuditedRefusal(user, REFUSED, taskId != null ? "task" : "request",
                taskId != null ? taskId : requestLine(), operation + "：" + text + " — " + requestLine()));
        log.info("Engine gate refused {} by {} ({}): {}", operation, user, requestLine(), reason.messageKey());
        return switch (answer) {
            case CLOSED -> new EngineRefusal.Closed(operation, text, reason);
            case UNKNOWN -> new EngineRefusal.Unknown(operation, text, reason);
            case REFUSED -> new EngineRefusal.Refused(operation, text, reason);
        };
    }

    private static String requestLine() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getMethod() + " " + request.getRequestURI();
        }
        return "(no request)";
    }

    private static String sha256(ResourceEntity resource) {
        try {
            byte[] bytes = resource.getBytes() == null ? new byte[0] : resource.getBytes();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException every) {
            throw new IllegalStateException(every);
        }
    }
}
