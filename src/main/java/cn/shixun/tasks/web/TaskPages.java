package cn.shixun.tasks.web;

import cn.shixun.ledger.TeacherStatus;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.PageDates;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.WorklistFilter;
import cn.shixun.tasks.Worklists;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewer's workbench ({@code /tasks}): the account's open tasks of every procedure, filtered
 * and sorted in the task query ({@link FilterForm}), one task's case beside the list (summary, the
 * applicant's hours, the history) and a decision on it; many at once are {@link BatchPages}'.
 * Everything goes through {@link CaseTasks}, so the checks and the history are the API's and Tasklist's.
 */
@Controller
class TaskPages {

    static final int PAGE_SIZE = 50;
    /** A task due within this is marked "due soon". */
    static final Duration DUE_SOON = Duration.ofDays(3);

    private final CaseTasks tasks;
    private final CaseHistory history;
    private final CurrentAccounts accounts;
    private final Worklists worklists;
    private final WorklistChoices choices;
    private final ApplicantStanding standing;
    private final MessageSource messages;
    private final RefusalText refusals;

    TaskPages(CaseTasks tasks, CaseHistory history, CurrentAccounts accounts, Worklists worklists,
              WorklistChoices choices, ApplicantStanding standing, MessageSource messages, RefusalText refusals) {
        this.tasks = tasks;
        this.history = history;
        this.accounts = accounts;
        this.worklists = worklists;
        this.choices = choices;
        this.standing = standing;
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
    record Detail(Row row, Long teacherId, String casePage, List<CaseHistoryLines.Line> history,
                  List<TeacherStatus.RequirementStatus> standing) {
    }

    /** Links of the list as it is shown: its pages and its tasks. */
    record Links(FilterForm filter, int page) {

        public String page(int number) {
            return filter.pageLink(number);
        }

        public String task(String taskId) {
            return filter.link(page, taskId);
        }
    }

    @GetMapping("/tasks")
    String workbench(FilterForm filter, @RequestParam(required = false) String task,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentAccount account = accounts.require();
        WorklistChoices.Choices choices = this.choices.of(account, filter.process());
        Instant now = Instant.now();
        WorklistFilter worklist;
        try {
            worklist = filter.parsed(choices.names().keySet(), now);
        } catch (BusinessRuleException refusal) {
            // Shown with the fields as typed; the list stays unfiltered until they are right.
            model.addAttribute("filterError", refusals.forReader(refusal));
            model.addAttribute("filterField", refusal.field());
            worklist = WorklistFilter.NONE;
        }
        long total = worklists.size(account, worklist);
        // A page past the end (the list shrank since the link was made) shows the last one.
        Paging paging = Paging.of(page, total);
        List<Row> rows = worklists.page(account, worklist, paging.number(), PAGE_SIZE).stream()
                .map(open -> row(open, choices.names(), now)).toList();
        model.addAttribute("choices", choices);
        model.addAttribute("filterParams", filter.params());
        model.addAttribute("narrowed", worklist != WorklistFilter.NONE && filter.narrows());
        model.addAttribute("links", new Links(filter, paging.number()));
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("batchLimit", Math.min(total, CaseTasks.MAX_BATCH));
        model.addAttribute("paging", paging);
        model.addAttribute("decisions", Decision.values());
        if (task != null && !model.containsAttribute("detail")) {
            try {
                CaseTask selected = tasks.requireOwn(task, account);
                model.addAttribute("detail", detail(row(selected, choices.names(), now)));
            } catch (BusinessRuleException refusal) {
                model.addAttribute("error", refusals.forReader(refusal));
            }
        }
        return "tasks/workbench";
    }

    @PostMapping("/tasks/{taskId}/decision")
    String decide(@PathVariable String taskId, @RequestParam(required = false) Decision outcome,
                  @RequestParam(required = false) String comment, FilterForm filter,
                  @RequestParam(required = false) Integer page, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        try {
            CaseTask decided = tasks.decide(taskId, account, outcome, comment);
            redirect.addFlashAttribute("done", messages.getMessage("workbench.decided",
                    new Object[] {decided.name(), tasks.summary(decided), outcome.label()}, LocaleContextHolder.getLocale()));
            return "redirect:" + filter.link(page, null);
        } catch (BusinessRuleException refusal) {
            redirect.addFlashAttribute("error", refusals.forReader(refusal));
            // The form comes back as it was sent: a refused return must not turn into an approval.
            redirect.addFlashAttribute("chosen", outcome);
            redirect.addFlashAttribute("comment", comment);
            return "redirect:" + filter.link(page, taskId);
        }
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
        Long teacherId = tasks.teacherId(row.task()).orElse(null);
        return new Detail(row, teacherId, tasks.casePage(row.task()).orElse(null),
                CaseHistoryLines.from(history.of(row.task().processKey(), row.task().caseId())), standing.of(teacherId));
    }
}
