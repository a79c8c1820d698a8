package cn.shixun.tasks;

import cn.shixun.shared.BusinessRuleException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.stereotype.Component;

/**
 * The engine's open user tasks read as {@link CaseTask}s, for {@link CaseTasks}: a case's, several
 * cases' in one query, an account's worklist, one by id. Reading only; deciding is {@link CaseTasks}'.
 */
@Component
class OpenTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    OpenTasks(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    /** The open tasks of one case, oldest first. */
    List<CaseTask> ofCase(String processKey, String caseId) {
        return toCaseTasks(tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(caseId).orderByTaskCreateTime().asc().list());
    }

    /** The open tasks of several cases, oldest first each, from one query; a case with none maps to an empty list. */
    Map<String, List<CaseTask>> ofCases(String processKey, Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<CaseTask>> open = toCaseTasks(tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKeyIn(caseIds.toArray(String[]::new)).orderByTaskCreateTime().asc().list())
                .stream().collect(Collectors.groupingBy(CaseTask::caseId));
        return caseIds.stream().distinct().collect(Collectors.toMap(Function.identity(),
                caseId -> open.getOrDefault(caseId, List.of())));
    }

    /** A page of the tasks assigned or offered to the user, narrowed and ordered by {@code filter}. */
    List<CaseTask> worklist(String username, WorklistFilter filter, int page, int size) {
        TaskQuery query = worklistQuery(username, filter);
        switch (filter.sort()) {
            case DUE -> query.orderByDueDate().asc().orderByTaskCreateTime().asc();
            case CREATED -> query.orderByTaskCreateTime().asc();
            case APPLICANT -> query.orderByTaskVariable(WorklistFacts.APPLICANT, ValueType.STRING).asc()
                    .orderByDueDate().asc();
        }
        // The id last: equal deadlines must not trade places between one page and the next.
        return toCaseTasks(query.orderByTaskId().asc().listPage(page * size, size));
    }

    /** Those of the tasks that are assigned or offered to the user, in no particular order. */
    List<CaseTask> worklistTasks(String username, Collection<String> taskIds) {
        return taskIds.isEmpty() ? List.of()
                : toCaseTasks(worklistQuery(username, WorklistFilter.NONE).taskIdIn(taskIds.toArray(String[]::new)).list());
    }

    /** A page of the open tasks due before {@code limit}, overdue ones included, earliest deadline first. */
    List<CaseTask> dueBefore(java.time.Instant limit, int first, int max) {
        return toCaseTasks(tasks.createTaskQuery().dueBefore(java.util.Date.from(limit)).orderByDueDate().asc()
                .orderByTaskId().asc().listPage(first, max));
    }

    long worklistSize(String username, WorklistFilter filter) {
        return worklistQuery(username, filter).count();
    }

    /** Whether the task is offered to one of the groups (whoever has claimed it since). */
    boolean offeredTo(String taskId, Collection<String> groups) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && groups.contains(link.getGroupId()));
    }

    /** Whether the task is no longer open: someone else decided it since it was read. */
    boolean goneMeanwhile(String taskId) {
        return CaseTasks.goneMeanwhile(tasks, taskId);
    }

    /** The open task; refused clearly (409) if it is already done, or (404) if there is no such task. */
    CaseTask requireOpen(String taskId) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            boolean done = taskId != null && history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
            if (done) {
                throw BusinessRuleException.conflict(null, "taskId", "task.already-completed", taskId);
            }
            throw BusinessRuleException.notFound("taskId", "task.not-found", taskId);
        }
        try {
            return toCaseTasks(List.of(task)).get(0);
        } catch (RuntimeException readWhileCompleted) {
            // Completed by someone else between the reads; the engine then fails in several ways (no
            // value, not found, its authorization check meeting a task whose execution is gone).
            if (goneMeanwhile(taskId)) {
                throw BusinessRuleException.conflict(null, "taskId", "task.already-completed", taskId);
            }
            throw readWhileCompleted;
        }
    }

    private TaskQuery worklistQuery(String username, WorklistFilter filter) {
        TaskQuery query = tasks.createTaskQuery().or().taskAssignee(username).taskCandidateUser(username).endOr();
        if (filter.processKey() != null) {
            query.processDefinitionKey(filter.processKey());
        }
        if (filter.step() != null) {
            query.taskName(filter.step());
        }
        if (filter.organisation() != null) {
            query.taskVariableValueLike(WorklistFacts.ORGANISATION, containing(filter.organisation()));
        }
        if (filter.applicant() != null) {
            query.taskVariableValueLike(WorklistFacts.APPLICANT, containing(filter.applicant()));
        }
        if (filter.dueBefore() != null) {
            query.dueBefore(Date.from(filter.dueBefore()));
        }
        if (filter.createdFrom() != null) {
            // The engine's "after" is strict; a task opened at the very start of the day counts.
            query.taskCreatedAfter(Date.from(filter.createdFrom().minusMillis(1)));
        }
        if (filter.createdBefore() != null) {
            query.taskCreatedBefore(Date.from(filter.createdBefore()));
        }
        return query;
    }

    /** A LIKE pattern for a value containing {@code text} taken literally. */
    private static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private List<CaseTask> toCaseTasks(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, ProcessInstance> instances = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
        return found.stream().map(task -> toCaseTask(task, instances.get(task.getProcessInstanceId()))).toList();
    }

    private CaseTask toCaseTask(Task task, ProcessInstance instance) {
        String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new CaseTask(task.getId(), processKey, instance == null ? null : instance.getBusinessKey(),
                task.getTaskDefinitionKey(), task.getName(), CaseTaskKinds.of(repository, task.getProcessDefinitionId(), task.getTaskDefinitionKey()), groups, task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
