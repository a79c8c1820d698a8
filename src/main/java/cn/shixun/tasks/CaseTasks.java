package cn.shixun.tasks;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.EnumLabels;
import cn.shixun.shared.RefusalText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviewer's worklist and decisions, for every procedure. A decision completes the engine
 * task as the deciding account, so that the same checks run whether it comes from our pages,
 * our API or Camunda Tasklist ({@code process.CaseTaskListener}): that the account may work on
 * the task, that a return or rejection says why, and that the step is recorded.
 * Reading the engine's tasks is {@link OpenTasks}', completing one as the account {@link TaskCompletion}'s.
 */
@Service
@Transactional(readOnly = true)
public class CaseTasks {

    /** The variable the gateways after a review read: a {@link Decision} name. */
    public static final String DECISION = "decision";
    /** The reviewer's comment; passed transiently, kept only in the {@link CaseHistory}. */
    public static final String COMMENT = "comment";
    /** Decisions taken in one go at most; a larger batch is refused before any is taken. */
    public static final int MAX_BATCH = 200;

    /**
     * The submission task {@link #submit} is completing on this thread: its procedure's page or API
     * took the submitted data just before. The engine completes the task on the same thread, so the
     * casework listener can tell it from a completion through Tasklist or engine REST.
     */
    private static final ThreadLocal<String> SUBMITTING = new ThreadLocal<>();

    /** The result of one task of a batch decision: done, or the reason it was refused. */
    public record BatchOutcome(String taskId, boolean done, String ruleId, String field, String message) {
    }

    private final OpenTasks open;
    private final TaskCompletion completion;
    private final Organisations organisations;
    private final CaseHandlers handlers;
    private final RefusalText refusals;
    private final TransactionTemplate eachOwnTransaction;

    CaseTasks(OpenTasks open, TaskCompletion completion, Organisations organisations, CaseHandlers handlers,
              RefusalText refusals, PlatformTransactionManager transactionManager) {
        this.open = open;
        this.completion = completion;
        this.organisations = organisations;
        this.handlers = handlers;
        this.refusals = refusals;
        this.eachOwnTransaction = new TransactionTemplate(transactionManager);
        this.eachOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The open user tasks of one case, oldest first. */
    public List<CaseTask> openTasks(String processKey, String caseId) {
        return open.ofCase(processKey, caseId);
    }

    /**
     * Where each of several cases stands, by its record's id (every procedure's case id, the business
     * key), in the order given, from one read of their open tasks: for a list page, instead of a read
     * per row. A case with no open step (closed, or between steps) maps to an empty progress.
     */
    public Map<Long, CaseProgress> progressOf(String processKey, Collection<Long> recordIds) {
        Map<Long, CaseProgress> progress = new LinkedHashMap<>();
        openTasksOf(processKey, recordIds).forEach((id, tasks) -> progress.put(id, CaseProgress.of(tasks)));
        return progress;
    }

    /**
     * The open tasks of several cases by record id, in the order given, oldest first each, from one
     * task query: for a list whose rows need their tasks' ids as well as where they stand. A case with
     * no open step maps to an empty list.
     */
    public Map<Long, List<CaseTask>> openTasksOf(String processKey, Collection<Long> recordIds) {
        Map<String, List<CaseTask>> byCase = open.ofCases(processKey,
                recordIds.stream().map(String::valueOf).toList());
        Map<Long, List<CaseTask>> byRecord = new LinkedHashMap<>();
        recordIds.forEach(id -> byRecord.put(id, byCase.get(String.valueOf(id))));
        return byRecord;
    }

    /** The one open user task of a case, if there is one. */
    public Optional<CaseTask> openTask(String processKey, String caseId) {
        return openTasks(processKey, caseId).stream().findFirst();
    }

    /**
     * The open tasks {@code account} may work on — assigned to them, or offered to one of their
     * groups, including escalations — earliest deadline first; {@code processKey} may be null.
     */
    public List<CaseTask> worklist(CurrentAccount account, String processKey, int page, int size) {
        return open.worklist(account.username(), WorklistFilter.ofProcess(processKey), page, size);
    }

    public long worklistSize(CurrentAccount account, String processKey) {
        return open.worklistSize(account.username(), WorklistFilter.ofProcess(processKey));
    }

    /** The task if {@code account} may work on it; refused clearly if it is gone, already done, or someone else's. */
    public CaseTask requireWorkable(String taskId, CurrentAccount account) {
        CaseTask task = open.requireOpen(taskId);
        if (task.assignee() == null && task.candidateGroups().isEmpty()) {
            // Read while someone else completed it: the task row was still there, its groups no longer.
            throw BusinessRuleException.conflict(null, "taskId", "task.already-completed", taskId);
        }
        if (!mayWorkOn(task, account)) {
            if (open.goneMeanwhile(taskId)) {
                // Lost a race: the task was read just before another decision committed, its candidates just after.
                throw BusinessRuleException.conflict(null, "taskId", "task.already-completed", taskId);
            }
            throw BusinessRuleException.forbidden("R-04", "taskId", "task.not-yours", task.name(),
                    task.assignee() != null ? task.assignee() : String.join("、", task.candidateGroups()));
        }
        return task;
    }

    /**
     * The task named by its id if {@code account} may work on it. Someone else's task is answered
     * exactly like an unknown id (404): a task is a record of its organisation, and the answer
     * must not reveal that it exists or whose it is. For the worklist, the task API and pages,
     * and decisions by task id; a procedure that has already shown the case uses {@link #requireWorkable}.
     */
    public CaseTask requireOwn(String taskId, CurrentAccount account) {
        try {
            return requireWorkable(taskId, account);
        } catch (BusinessRuleException refusal) {
            if (refusal.kind() == BusinessRuleException.Kind.FORBIDDEN && !open.offeredTo(taskId, groupsOf(account))) {
                throw BusinessRuleException.notFound("taskId", "task.not-found", taskId);
            }
            throw refusal; // a colleague of the group claimed it: the account sees the task, and is told whose it is
        }
    }

    /** {@code account} decides a review task; returns it as it was before the decision. */
    @Transactional
    public CaseTask decide(String taskId, CurrentAccount account, Decision decision, String comment) {
        if (decision == null) {
            throw BusinessRuleException.violation(null, "outcome", "task.decision-required");
        }
        String text = checkedComment(decision, comment);
        CaseTask task = requireOwn(taskId, account);
        if (task.kind() != CaseTask.Kind.REVIEW) {
            throw BusinessRuleException.conflict(null, "taskId", "task.not-a-review", task.name());
        }
        completeAs(account, task, Variables.createVariables().putValue(DECISION, decision.name())
                .putValueTyped(COMMENT, Variables.stringValue(text, true)));
        return task;
    }

    /** {@code account} sends on a submission task (after its module has taken the submitted data). */
    @Transactional
    public CaseTask submit(String taskId, CurrentAccount account) {
        CaseTask task = requireWorkable(taskId, account);
        if (task.kind() != CaseTask.Kind.SUBMISSION) {
            throw BusinessRuleException.conflict(null, "taskId", "task.not-a-submission", task.name());
        }
        SUBMITTING.set(task.id());
        try {
            completeAs(account, task, Variables.createVariables());
        } finally {
            SUBMITTING.remove();
        }
        return task;
    }

    /** Whether {@link #submit} is completing this task, i.e. its procedure took the submitted data first. */
    static boolean isSubmittingThroughProcedure(String taskId) {
        return taskId.equals(SUBMITTING.get());
    }

    /**
     * The same decision on many tasks, each in a transaction of its own: one refusal (a task
     * someone else decided meanwhile, a rule) does not hold back the others.
     */
    public List<BatchOutcome> decideAll(List<String> taskIds, CurrentAccount account, Decision decision,
                                        String comment) {
        checkBatch(taskIds, decision, comment);
        List<BatchOutcome> outcomes = new ArrayList<>();
        for (String taskId : taskIds.stream().distinct().toList()) {
            try {
                eachOwnTransaction.executeWithoutResult(status -> decide(taskId, account, decision, comment));
                outcomes.add(new BatchOutcome(taskId, true, null, null, null));
            } catch (BusinessRuleException refusal) {
                outcomes.add(new BatchOutcome(taskId, false, refusal.ruleId(), refusal.field(),
                        refusals.forRecord(refusal)));
            }
        }
        return outcomes;
    }

    /** Refuses a batch {@link #decideAll} would refuse as a whole, before any task is looked at. */
    public static void checkBatch(List<String> taskIds, Decision decision, String comment) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw BusinessRuleException.violation(null, "taskIds", "task.batch-empty");
        }
        if (taskIds.size() > MAX_BATCH) {
            throw BusinessRuleException.violation(null, "taskIds", "task.batch-too-large", MAX_BATCH);
        }
        if (decision == null) {
            throw BusinessRuleException.violation(null, "outcome", "task.decision-required");
        }
        checkedComment(decision, comment);
    }

    /** The handler's one-line description of the task's case. */
    public String summary(CaseTask task) {
        return handlers.find(task.processKey()).map(handler -> handler.summary(task.caseId())).orElse(task.caseId());
    }

    /** Whether {@code account} may work on the task now: its assignee or, while unassigned, in a candidate group. */
    public boolean mayWorkOn(CaseTask task, CurrentAccount account) {
        return mayWorkOn(task, account.username(), groupsOf(account));
    }

    /** The teacher the task's case is about, if its handler names one. */
    public Optional<Long> teacherId(CaseTask task) {
        return handlers.find(task.processKey()).flatMap(handler -> handler.teacherId(task.caseId()));
    }

    /** The procedure's own page for the task's case, if it has one. */
    public Optional<String> casePage(CaseTask task) {
        return handlers.find(task.processKey()).flatMap(handler -> handler.casePage(task.caseId()));
    }

    /** The engine groups of an account (ADR 0004). */
    List<String> groupsOf(CurrentAccount account) {
        String code = account.organisationId() == null ? null
                : organisations.find(account.organisationId()).map(Organisation::code).orElse(null);
        return CandidateGroup.engineGroupsOf(account.role(), code);
    }

    /** Whether the user may work on the task: its assignee, or, while unassigned, a candidate by name or group. */
    static boolean mayWorkOn(CaseTask task, String username, Collection<String> groups) {
        if (task.assignee() != null) {
            return task.assignee().equals(username);
        }
        return task.candidateGroups().stream().anyMatch(groups::contains);
    }

    static String checkedComment(Decision decision, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (decision.needsComment() && text.isEmpty()) {
            throw BusinessRuleException.violation("R-40", COMMENT, "task.comment-required", EnumLabels.argument(decision));
        }
        if (text.length() > CaseHistory.MAX_COMMENT) {
            throw BusinessRuleException.violation(null, COMMENT, "task.comment-too-long", CaseHistory.MAX_COMMENT);
        }
        return text.isEmpty() ? null : text;
    }

    /**
     * Read again before refusing someone as not a candidate: a task gone meanwhile was
     * decided by someone else, and the refused one lost a race (409), whatever they read before.
     */
    static boolean goneMeanwhile(TaskService tasks, String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0;
    }

    private void completeAs(CurrentAccount account, CaseTask task, Map<String, Object> variables) {
        completion.completeAs(account.username(), groupsOf(account), task, variables);
    }
}
