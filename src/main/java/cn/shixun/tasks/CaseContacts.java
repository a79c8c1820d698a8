package cn.shixun.tasks;

import cn.shixun.security.CandidateGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a case concerns, as its procedure names it, for those who tell people about it (the message
 * centre): the applicant's side, who hears of decisions and results, and the people of its open tasks.
 */
@Service
@Transactional(readOnly = true)
public class CaseContacts {

    private final CaseHandlers handlers;
    private final CaseTasks tasks;
    private final OpenTasks open;
    private final RepositoryService repository;

    CaseContacts(CaseHandlers handlers, CaseTasks tasks, OpenTasks open, RepositoryService repository) {
        this.handlers = handlers;
        this.tasks = tasks;
        this.open = open;
        this.repository = repository;
    }

    /** The procedure as people call it: the name of its latest deployed model, e.g. 学历提升免修申请（R-30）. */
    public String procedureName(String processKey) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        return latest == null || latest.getName() == null ? processKey : latest.getName();
    }

    /** The applicant's side of the case and how to name it; nobody for a procedure without a handler. */
    public CaseSide sideOf(String processKey, String caseId) {
        return handlers.find(processKey).map(handler -> new CaseSide(handler.summary(caseId), handler.casePage(caseId),
                        handler.applicant(caseId), handler.teacherId(caseId), handler.submitters(caseId)))
                .orElseGet(() -> new CaseSide(caseId, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
    }

    /** The case's open tasks at {@code taskKey}, with their assignee and candidate groups (escalations included). */
    public List<CaseTask> openTasksAt(String processKey, String caseId, String taskKey) {
        return tasks.openTasks(processKey, caseId).stream().filter(task -> task.taskKey().equals(taskKey)).toList();
    }

    /** Up to {@code max} open tasks of every procedure due before {@code limit} (overdue ones too), earliest first. */
    public List<CaseTask> dueBefore(Instant limit, int first, int max) {
        return open.dueBefore(limit, first, max);
    }

    /**
     * The applicant's side of a case.
     *
     * @param summary    one line naming the case, e.g. the teacher and the subject
     * @param page       the case's own page, if it has one
     * @param applicant  the username that applied, if one person did
     * @param teacherId  the teacher the case is about, if it is one teacher's
     * @param submitters the group that submitted it for an organisation, if one did
     */
    public record CaseSide(String summary, Optional<String> page, Optional<String> applicant, Optional<Long> teacherId,
                           Optional<CandidateGroup> submitters) {
    }
}
