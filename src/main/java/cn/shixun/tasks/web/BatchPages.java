package cn.shixun.tasks.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.CaseTasks.BatchOutcome;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.WorklistFilter;
import cn.shixun.tasks.Worklists;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One decision on many tasks of the workbench, in two steps: the reviewer picks the tasks (ticked,
 * or the whole filtered list up to {@link CaseTasks#MAX_BATCH}), the outcome and one comment, and
 * is shown the count and the outcome to confirm; only the confirmation decides, each task on its
 * own, with a result per task. A plain second form, not a script dialog: it works without scripts.
 */
@Controller
class BatchPages {

    private final CaseTasks tasks;
    private final Worklists worklists;
    private final CurrentAccounts accounts;
    private final WorklistChoices choices;
    private final RefusalText refusals;

    BatchPages(CaseTasks tasks, Worklists worklists, CurrentAccounts accounts, WorklistChoices choices,
               RefusalText refusals) {
        this.tasks = tasks;
        this.worklists = worklists;
        this.accounts = accounts;
        this.choices = choices;
        this.refusals = refusals;
    }

    /** What the confirmation shows and sends on: nothing is decided yet. */
    record Confirmation(Decision outcome, String comment, List<String> taskIds, long filtered) {

        /** Whether the filtered list had more than one batch takes. */
        public boolean cut() {
            return filtered > taskIds.size();
        }
    }

    /** One task's result, as the page lists it. */
    record BatchLine(String task, boolean done, String reason) {
    }

    @PostMapping("/tasks/batch")
    String prepare(@RequestParam(name = "taskIds", required = false) List<String> ticked,
                   @RequestParam(required = false) Decision outcome, @RequestParam(required = false) String comment,
                   @RequestParam(required = false) String scope, FilterForm filter,
                   @RequestParam(required = false) Integer page, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        try {
            List<String> taskIds = ticked;
            long filtered = 0;
            if ("filtered".equals(scope)) {
                WorklistFilter worklist = filter.parsed(choices.processKeys(), Instant.now());
                filtered = worklists.size(account, worklist);
                // The list's order decides which tasks a batch takes when there are more.
                taskIds = worklists.page(account, worklist, 0, CaseTasks.MAX_BATCH).stream()
                        .filter(task -> task.kind() == CaseTask.Kind.REVIEW).map(CaseTask::id).toList();
            }
            CaseTasks.checkBatch(taskIds, outcome, comment);
            redirect.addFlashAttribute("confirmation", new Confirmation(outcome, comment == null ? null : comment.strip(),
                    taskIds.stream().distinct().toList(), filtered));
        } catch (BusinessRuleException refusal) {
            redirect.addFlashAttribute("error", refusals.forReader(refusal));
            redirect.addFlashAttribute("batchChosen", outcome);
            redirect.addFlashAttribute("batchComment", comment);
        }
        return "redirect:" + filter.link(page, null);
    }

    @PostMapping("/tasks/batch/decisions")
    String decide(@RequestParam(name = "taskIds", required = false) List<String> taskIds,
                  @RequestParam(required = false) Decision outcome, @RequestParam(required = false) String comment,
                  FilterForm filter, @RequestParam(required = false) Integer page, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        try {
            CaseTasks.checkBatch(taskIds, outcome, comment);
            // Named before deciding: a decided task is no longer in the worklist.
            Map<String, String> names = worklists.ofIds(account, taskIds).stream().collect(Collectors.toMap(
                    CaseTask::id, task -> task.name() + "：" + tasks.summary(task), (a, b) -> a));
            List<BatchOutcome> outcomes = tasks.decideAll(taskIds, account, outcome, comment);
            redirect.addFlashAttribute("batchOutcome", outcome);
            redirect.addFlashAttribute("batch", outcomes.stream()
                    .map(result -> new BatchLine(names.getOrDefault(result.taskId(), result.taskId()), result.done(),
                            result.message())).toList());
        } catch (BusinessRuleException refusal) {
            redirect.addFlashAttribute("error", refusals.forReader(refusal));
        }
        return "redirect:" + filter.link(page, null);
    }
}
