package cn.shixun.tasks.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.PageDates;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.CaseTasks.BatchOutcome;
import cn.shixun.tasks.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewer's workbench ({@code /tasks}): the account's open tasks of every procedure, one
 * task's case beside the list (summary, the applicant's hours, the history), a decision on it,
 * and "approve all ticked" with a result per task. Everything goes through {@link CaseTasks},
 * so the checks and the history are the API's and Tasklist's.
 */
@Controller
class TaskPages {

    static final int PAGE_SIZE = 50;
    /** A task due within this is marked "due soon". */
    static final Duration DUE_SOON = Duration.ofDays(3);

    private final CaseTasks tasks;
    private final CaseHistory history;
    private final CurrentAccounts accounts;
    private final RepositoryService repository;
    private final MessageSource messages;
    private final RefusalText refusals;

    TaskPages(CaseTasks tasks, CaseHistory history, CurrentAccounts accounts, RepositoryService repository,
              MessageSource messages, RefusalText refusals) {
        this.tasks = tasks;
        this.history = history;
        this.accounts = accounts;
        this.repository = repository;
        this.messages = messages;
        this.refusals = refusals;
    }

    /** One line of the list. */
    record Row(CaseTask task, String processName, String summary, String due, boolean overdue, boolean dueSoon,
               boolean escalated) {
    }

    /** Which page of the list is shown (from 0), of how many. */
    record Paging(int number, int totalPages) {

        static Paging of(int requested, long total) {
            int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            return new Paging(Math.min(Math.max(requested, 0), pages - 1), pages);
        }

        public boolean hasPrevious() {
            return number > 0;
        }

        public boolean hasNext() {
            return number < totalPages - 1;
        }
    }

    /** The selected task beside the list. */
    record Detail(Row row, Long teacherId, String casePage, List<CaseHistoryLines.Line> history) {
    }

    @GetMapping("/tasks")
    String workbench(@RequestParam(required = false) String process, @RequestParam(required = false) String task,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentAccount account = accounts.require();
        Map<String, String> processes = processNames();
        String filter = process == null || process.isBlank() ? null : process;
        Instant now = Instant.now();
        long total = tasks.worklistSize(account, filter);
        // A page past the end (the list shrank since the link was made) shows the last one.
        Paging paging = Paging.of(page, total);
        List<Row> rows = tasks.worklist(account, filter, paging.number(), PAGE_SIZE).stream()
                .map(open -> row(open, processes, now)).toList();
        model.addAttribute("processes", processes);
        model.addAttribute("process", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("paging", paging);
        if (task != null && !model.containsAttribute("detail")) {
            try {
                CaseTask selected = tasks.requireOwn(task, account);
                model.addAttribute("detail", detail(row(selected, processes, now)));
            } catch (BusinessRuleException refusal) {
                model.addAttribute("error", refusals.forReader(refusal));
            }
        }
        return "tasks/workbench";
    }

    @PostMapping("/tasks/{taskId}/decision")
    String decide(@PathVariable String taskId, @RequestParam(required = false) Decision outcome,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String process,
                  @RequestParam(required = false) Integer page, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        try {
            CaseTask decided = tasks.decide(taskId, account, outcome, comment);
            redirect.addFlashAttribute("done", messages.getMessage("workbench.decided",
                    new Object[] {decided.name(), tasks.summary(decided), outcome.label()}, LocaleContextHolder.getLocale()));
            return "redirect:" + back(process, page, null);
        } catch (BusinessRuleException refusal) {
            redirect.addFlashAttribute("error", refusals.forReader(refusal));
            redirect.addFlashAttribute("comment", comment);
            return "redirect:" + back(process, page, taskId);
        }
    }

    @PostMapping("/tasks/approvals")
    String approveAll(@RequestParam(name = "taskIds", required = false) List<String> taskIds,
                      @RequestParam(required = false) String process, @RequestParam(required = false) Integer page,
                      RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        try {
            // Named before deciding: a decided task is no longer in the worklist.
            Map<String, String> names = new LinkedHashMap<>();
            tasks.worklist(account, null, 0, CaseTasks.MAX_BATCH).forEach(
                    open -> names.put(open.id(), open.name() + "：" + tasks.summary(open)));
            List<BatchOutcome> outcomes = tasks.decideAll(taskIds, account, Decision.APPROVE, null);
            redirect.addFlashAttribute("batch", outcomes.stream()
                    .map(outcome -> new BatchLine(names.getOrDefault(outcome.taskId(), outcome.taskId()), outcome.done(),
                            outcome.message())).toList());
        } catch (BusinessRuleException refusal) {
            redirect.addFlashAttribute("error", refusals.forReader(refusal));
        }
        return "redirect:" + back(process, page, null);
    }

    /** One task's result in a batch, as the page lists it. */
    record BatchLine(String task, boolean done, String reason) {
    }

    private Row row(CaseTask task, Map<String, String> processes, Instant now) {
        boolean overdue = task.isOverdue(now);
        boolean dueSoon = !overdue && task.due() != null && task.due().isBefore(now.plus(DUE_SOON));
        boolean escalated = history.of(task.processKey(), task.caseId()).stream().anyMatch(event ->
                event.outcome() == CaseOutcome.ESCALATED && task.taskKey().equals(event.taskKey()));
        return new Row(task, processes.getOrDefault(task.processKey(), task.processKey()), tasks.summary(task),
                task.due() == null ? null : PageDates.DAY_TIME.format(task.due()), overdue, dueSoon, escalated);
    }

    private Detail detail(Row row) {
        return new Detail(row, tasks.teacherId(row.task()).orElse(null), tasks.casePage(row.task()).orElse(null),
                CaseHistoryLines.from(history.of(row.task().processKey(), row.task().caseId())));
    }

    /** The deployed processes by key, with their names as people read them. */
    private Map<String, String> processNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionName().asc().list()) {
            names.put(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
        }
        return names;
    }

    private static String back(String process, Integer page, String task) {
        return UriComponentsBuilder.fromPath("/tasks").queryParamIfPresent("process",
                        java.util.Optional.ofNullable(process).filter(p -> !p.isBlank()))
                .queryParamIfPresent("page", java.util.Optional.ofNullable(page).filter(p -> p > 0))
                .queryParamIfPresent("task", java.util.Optional.ofNullable(task)).build().encode().toUriString();
    }
}
