package cn.shixun.annual.web;

import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.CardItem;
import cn.shixun.annual.RegistrationProgress;
import cn.shixun.evidence.EvidenceFile;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Requirement;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a card's case page shows ({@code annual/card}): the card with its scans, the year's
 * requirements (live from the ledger while in review, as registered afterwards), the open steps,
 * the history with the reason of a return, and whether the reader may amend or review it.
 */
@Component
class AnnualCardPageModel {

    private final AnnualRegistrations registrations;
    private final RegistrationProgress progress;
    private final CaseTasks tasks;
    private final CaseHistory history;
    private final Teachers teachers;
    private final Organisations organisations;
    private final EvidenceFiles evidence;
    private final RefusalText refusals;

    AnnualCardPageModel(AnnualRegistrations registrations, RegistrationProgress progress, CaseTasks tasks,
                        CaseHistory history, Teachers teachers, Organisations organisations, EvidenceFiles evidence,
                        RefusalText refusals) {
        this.registrations = registrations;
        this.progress = progress;
        this.tasks = tasks;
        this.history = history;
        this.teachers = teachers;
        this.organisations = organisations;
        this.evidence = evidence;
        this.refusals = refusals;
    }

    /** A requirement of the year: live from the ledger while in review, as registered afterwards. */
    record RequirementRow(String label, String ruleId, BigDecimal required, BigDecimal credited, BigDecimal missing,
                          boolean met) {
    }

    /**
     * Fills the card page for {@code account}; {@code typed} holds what a refused amendment form
     * sent (empty: the card as stored, every attached scan kept).
     */
    void fill(Model model, AnnualRegistration registration, CurrentAccount account, Map<String, String> typed) {
        String caseId = String.valueOf(registration.getId());
        Teacher teacher = teachers.require(registration.teacherId());
        List<CardItem> card = registrations.currentCard(registration);
        List<CaseEvent> events = history.of(AnnualRegistrations.PROCESS_KEY, caseId);
        List<CaseTask> open = progress.openTasks(registration.getId());
        CaseProgress steps = CaseProgress.of(open);
        Optional<CaseTask> amendTask = amendTask(open);
        Optional<CaseTask> reviewTask = open.stream()
                .filter(task -> task.kind() == CaseTask.Kind.REVIEW && tasks.mayWorkOn(task, account)).findFirst();
        model.addAttribute("registration", registration);
        model.addAttribute("statusLabel", steps.statusLabel(registration.status()));
        model.addAttribute("awaitsAmendment", steps.awaitsSubmission());
        model.addAttribute("teacher", teacher);
        model.addAttribute("school", organisations.find(registration.schoolId()).orElse(null));
        model.addAttribute("dates", registrations.datesOf(registration));
        model.addAttribute("card", card);
        model.addAttribute("files", card.stream()
                .flatMap(line -> Stream.concat(line.evidenceFiles().stream(), line.attachedFiles().stream()))
                .distinct().map(evidence::describe).flatMap(Optional::stream)
                .collect(Collectors.toMap(EvidenceFile::id, Function.identity())));
        model.addAttribute("cardComplete", card.stream().allMatch(CardItem::evidenceComplete));
        model.addAttribute("openTasks", open);
        model.addAttribute("history", CaseHistoryLines.from(events));
        model.addAttribute("returned", CaseHistoryLines.lastReturned(events));
        model.addAttribute("mayAmend", amendTask.filter(task -> tasks.mayWorkOn(task, account)).isPresent());
        model.addAttribute("reviewTask", reviewTask.orElse(null));
        model.addAttribute("statusBadge", AnnualBadges.of(registration.status(), steps));
        model.addAttribute("typed", typed);
        yearOf(registration, model);
    }

    /** The card's open amendment step (the model's submission step, 补充登记材料), whoever it belongs to. */
    Optional<CaseTask> amendTask(AnnualRegistration registration) {
        return amendTask(progress.openTasks(registration.getId()));
    }

    private static Optional<CaseTask> amendTask(List<CaseTask> open) {
        return open.stream().filter(task -> task.kind() == CaseTask.Kind.SUBMISSION).findFirst();
    }

    private void yearOf(AnnualRegistration registration, Model model) {
        if (registration.resultMet() != null) {
            model.addAttribute("yearRegistered", true);
            model.addAttribute("yearTotal", registration.resultYearTotal());
            model.addAttribute("yearMet", registration.resultMet());
            model.addAttribute("yearAsOf", registration.resultAsOf());
            model.addAttribute("requirements", registrations.result(registration).stream()
                    .filter(line -> line.period() != Requirement.Period.CYCLE)
                    .map(line -> new RequirementRow(line.label(), line.ruleId(), line.required(), line.credited(),
                            line.missing(), line.met())).toList());
            return;
        }
        try {
            TeacherStatus status = registrations.yearStatus(registration);
            model.addAttribute("yearRegistered", false);
            model.addAttribute("yearTotal", status.yearTotal());
            model.addAttribute("yearMet", AnnualRegistrations.yearMet(status.requirements()));
            model.addAttribute("yearAsOf", status.date());
            model.addAttribute("requirements", status.requirements().stream()
                    .filter(line -> line.period() != Requirement.Period.CYCLE)
                    .map(line -> new RequirementRow(line.label(), line.ruleId(), line.required(), line.credited(),
                            line.missing(), line.met())).toList());
        } catch (BusinessRuleException noStatus) {
            model.addAttribute("yearError", refusals.forReader(noStatus));
        }
    }
}
