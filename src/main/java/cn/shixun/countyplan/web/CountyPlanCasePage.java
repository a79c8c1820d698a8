package cn.shixun.countyplan.web;

import cn.shixun.countyplan.CountyPlan;
import cn.shixun.countyplan.CountyPlans;
import cn.shixun.countyplan.process.CountyPlanProcess;
import cn.shixun.countyplan.web.CountyPlanForms.HrFilingForm;
import cn.shixun.countyplan.web.CountyPlanForms.PlanForm;
import cn.shixun.countyplan.web.CountyPlanForms.SummaryForm;
import cn.shixun.evidence.EvidenceFile;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.web.PageDates;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a plan's page shows ({@code countyplan/plan}): its status as the process has it, the open
 * steps with who works them, the form of the open submission step the reader may work on (the
 * page takes each step's own data), the history and the projects' sign-in sheets.
 */
@Component
class CountyPlanCasePage {

    /** A plan's status badge: the open steps' label while it is open, how it ended after. */
    record Badge(String label, String style) {

        static Badge of(CountyPlan plan, CaseProgress progress) {
            String style = switch (plan.status()) {
                case REGISTERED -> "badge-ok";
                case REJECTED, SUMMARY_REJECTED, REGISTRATION_REFUSED -> "badge-reversal";
                case OPEN -> progress.awaitsSubmission() ? "badge-escalated" : "badge-open";
            };
            return new Badge(progress.statusLabel(plan.status()), style);
        }
    }

    /** An open step of the case: who works it, until when, and whether it is the reader's. */
    record Step(CaseTask task, String due, boolean mine, String who) {
    }

    private final CountyPlans plans;
    private final CaseTasks tasks;
    private final Organisations organisations;
    private final EvidenceFiles evidence;
    private final Clock clock;

    CountyPlanCasePage(CountyPlans plans, CaseTasks tasks, Organisations organisations, EvidenceFiles evidence,
                       Clock clock) {
        this.plans = plans;
        this.tasks = tasks;
        this.organisations = organisations;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Fills the model of {@code countyplan/plan} for {@code account} and names the template. */
    String show(CountyPlan plan, CurrentAccount account, Model model) {
        List<CaseTask> open = plans.openTasks(plan.getId());
        List<Step> steps = open.stream()
                .map(task -> new Step(task, task.due() == null ? null : PageDates.DAY_TIME.format(task.due()),
                        tasks.mayWorkOn(task, account), who(task))).toList();
        Optional<CaseTask> submission = steps.stream().filter(Step::mine).map(Step::task)
                .filter(task -> task.kind() == CaseTask.Kind.SUBMISSION).findFirst();
        String form = submission.map(CaseTask::taskKey).map(key -> switch (key) {
            case CountyPlanProcess.AMEND_PLAN -> "amend";
            case CountyPlanProcess.HR_FILING -> "hr";
            case CountyPlanProcess.SUBMIT_SUMMARY -> "summary";
            default -> null;
        }).orElse(null);
        if (form != null && !model.containsAttribute("form")) {
            model.addAttribute("form", switch (form) {
                case "amend" -> PlanForm.of(plan);
                case "hr" -> hrFormFor(plan);
                default -> SummaryForm.of(plan);
            });
        }
        List<CaseEvent> history = plans.history(plan.getId());
        // A submission answers a return when the latest decision sent the plan (or its summary) back:
        // the reviewer's reason is shown above the form.
        if (form != null) {
            history.stream().filter(event -> event.outcome().isDecision()).reduce((first, last) -> last)
                    .filter(event -> event.outcome() == CaseOutcome.RETURNED)
                    .ifPresent(event -> model.addAttribute("returned", event));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("status", Badge.of(plan, CaseProgress.of(open)));
        model.addAttribute("county", organisations.find(plan.countyId()).map(Organisation::name).orElse(""));
        model.addAttribute("filedOn", PageDates.DAY.format(plan.createdAt()));
        model.addAttribute("steps", steps);
        model.addAttribute("step", form);
        model.addAttribute("history", CaseHistoryLines.from(history));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("sheets", plan.projects().stream().map(project -> evidence.describe(project.signInSheet()))
                .flatMap(Optional::stream).collect(Collectors.toMap(EvidenceFile::id, file -> file, (a, b) -> a)));
        if ("summary".equals(form)) {
            model.addAttribute("uploads", evidence.ofOrganisation(plan.countyId()));
        }
        CountyPlanForms.addChoices(model);
        return "countyplan/plan";
    }

    /** Who works a task, as people say it: "郑州市 市级审核员", for each of its groups (an escalation adds one). */
    private String who(CaseTask task) {
        return task.candidateGroups().stream().map(group -> CandidateGroup.parse(group)
                        .map(parsed -> organisations.findByCode(parsed.organisationCode()).map(Organisation::name)
                                .orElse(parsed.organisationCode()) + " " + parsed.role().label())
                        .orElse(group))
                .collect(Collectors.joining("、"));
    }

    private HrFilingForm hrFormFor(CountyPlan plan) {
        HrFilingForm form = new HrFilingForm();
        organisations.find(plan.countyId()).map(Organisation::parentId).flatMap(organisations::find)
                .ifPresent(city -> form.setHrBureau(city.name() + "人力资源和社会保障局"));
        form.setFiledOn(LocalDate.now(clock).toString());
        return form;
    }
}
