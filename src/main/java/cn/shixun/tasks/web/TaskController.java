package cn.shixun.tasks.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.CaseTasks.BatchOutcome;
import cn.shixun.tasks.Decision;
import cn.shixun.shared.BusinessRuleException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewer's worklist over every procedure: the open tasks the signed-in account may work
 * on, a decision on one of them, and the same decision on many at once. Procedure-specific
 * input (an amendment's evidence, a declaration) goes through the procedure's own API.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private static final int MAX_PAGE_SIZE = 200;

    private final CaseTasks tasks;
    private final CurrentAccounts accounts;

    TaskController(CaseTasks tasks, CurrentAccounts accounts) {
        this.tasks = tasks;
        this.accounts = accounts;
    }

    record TaskView(String id, String processKey, String caseId, String taskKey, String name, CaseTask.Kind kind,
                    List<String> candidateGroups, String assignee, Instant created, Instant due, boolean overdue,
                    String summary) {
    }

    record Worklist(long total, int page, int size, List<TaskView> tasks) {
    }

    record DecisionRequest(Decision outcome, String comment) {
    }

    record BatchDecisionRequest(List<String> taskIds, Decision outcome, String comment) {
    }

    record BatchResult(int decided, int refused, List<BatchOutcome> outcomes) {
    }

    @GetMapping
    Worklist worklist(@RequestParam(required = false) String process, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw BusinessRuleException.violation(null, "page", "task.page-invalid");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw BusinessRuleException.violation(null, "size", "task.size-invalid", MAX_PAGE_SIZE);
        }
        CurrentAccount account = accounts.require();
        List<TaskView> page0 = tasks.worklist(account, process, page, size).stream().map(this::view).toList();
        return new Worklist(tasks.worklistSize(account, process), page, size, page0);
    }

    @GetMapping("/{taskId}")
    TaskView show(@PathVariable String taskId) {
        return view(tasks.requireOwn(taskId, accounts.require()));
    }

    @PostMapping("/{taskId}/decisions")
    TaskView decide(@PathVariable String taskId, @RequestBody DecisionRequest request) {
        return view(tasks.decide(taskId, accounts.require(), request.outcome(), request.comment()));
    }

    @PostMapping("/decisions")
    BatchResult decideAll(@RequestBody BatchDecisionRequest request) {
        List<BatchOutcome> outcomes = tasks.decideAll(request.taskIds(), accounts.require(), request.outcome(),
                request.comment());
        int decided = (int) outcomes.stream().filter(BatchOutcome::done).count();
        return new BatchResult(decided, outcomes.size() - decided, outcomes);
    }

    private TaskView view(CaseTask task) {
        return new TaskView(task.id(), task.processKey(), task.caseId(), task.taskKey(), task.name(), task.kind(),
                task.candidateGroups(), task.assignee(), task.created(), task.due(), task.isOverdue(Instant.now()),
                tasks.summary(task));
    }
}
