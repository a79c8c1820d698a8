package cn.shixun.cycleverification.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.cycleverification.Certificates;
import cn.shixun.cycleverification.CycleVerification;
import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.cycleverification.VerificationCasework;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A verification's case page, for whoever may read it: where it stands as its process
 * has it, the cycle and hours, the history; the school amends a returned case here (its open
 * submission step) and, once the province has filed it, the certificate is linked. The teacher's
 * own entry point leads here. The school's declaration pages are {@link VerificationBatchPages}.
 */
@Controller
class VerificationCasePages {

    private final CycleVerifications verifications;
    private final VerificationCasework casework;
    private final Certificates certificates;
    private final CaseTasks tasks;
    private final Teachers teachers;
    private final Organisations organisations;
    private final CurrentAccounts accounts;
    private final RefusalText refusals;

    VerificationCasePages(CycleVerifications verifications, VerificationCasework casework, Certificates certificates,
                          CaseTasks tasks, Teachers teachers, Organisations organisations, CurrentAccounts accounts,
                          RefusalText refusals) {
        this.verifications = verifications;
        this.casework = casework;
        this.certificates = certificates;
        this.tasks = tasks;
        this.teachers = teachers;
        this.organisations = organisations;
        this.accounts = accounts;
        this.refusals = refusals;
    }

    @GetMapping("/cycle-verifications/mine")
    String mine(Model model) {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException(account.username() + " is not a teacher");
        }
        List<CycleVerification> own = verifications.ofTeacher(account.teacherId());
        if (!own.isEmpty()) {
            return "redirect:/cycle-verifications/" + own.get(own.size() - 1).getId();
        }
        model.addAttribute("certificates", certificates.ofTeacher(account.teacherId()));
        return "cycleverification/mine-empty";
    }

    @GetMapping("/cycle-verifications/{id}")
    String show(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        Optional<CycleVerification> verification = visible(id, account);
        if (verification.isEmpty()) {
            return notFound(model, response);
        }
        return casePage(verification.get(), account, model);
    }

    @PostMapping("/cycle-verifications/{id}/amendments")
    String amend(@PathVariable Long id, @RequestParam(required = false) String note, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        Optional<CycleVerification> verification = visible(id, account);
        if (verification.isEmpty()) {
            return notFound(model, response);
        }
        Optional<CaseTask> amendTask = submissionStep(verifications.openTasks(id));
        if (amendTask.isPresent() && !tasks.mayWorkOn(amendTask.get(), account)) {
            throw new AccessDeniedException(account.username() + " may not amend cycle verification " + id);
        }
        try {
            casework.amend(id, account, note);
            redirect.addFlashAttribute("done", "cv.page.amended");
            return "redirect:/cycle-verifications/" + id;
        } catch (BusinessRuleException refusal) {
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("error", refusals.forReader(refusal));
            model.addAttribute("errorField", refusal.field());
            model.addAttribute("note", note);
            return casePage(verifications.require(id), account, model);
        }
    }

    private String casePage(CycleVerification verification, CurrentAccount account, Model model) {
        List<CaseEvent> events = verifications.history(verification.getId());
        // One read of the open tasks for the step shown, the status and what the account may do.
        List<CaseTask> open = verifications.openTasks(verification.getId());
        CaseProgress progress = CaseProgress.of(open);
        boolean backWithTheSchool = verification.status().isOpen() && progress.awaitsSubmission();
        model.addAttribute("verification", verification);
        model.addAttribute("teacher", teachers.require(verification.teacherId()));
        model.addAttribute("school", organisations.find(verification.schoolId()).orElse(null));
        model.addAttribute("openTask", open.stream().findFirst().orElse(null));
        model.addAttribute("statusLabel", progress.statusLabel(verification.status()));
        model.addAttribute("statusBadge", StatusBadge.of(verification.status(), progress));
        model.addAttribute("history", CaseHistoryLines.from(events));
        model.addAttribute("returned", backWithTheSchool ? CaseHistoryLines.lastReturned(events) : null);
        model.addAttribute("mayAmend", submissionStep(open).filter(task -> tasks.mayWorkOn(task, account)).isPresent());
        model.addAttribute("reviewTask", open.stream().filter(task -> task.kind() == CaseTask.Kind.REVIEW
                && tasks.mayWorkOn(task, account)).findFirst().orElse(null));
        model.addAttribute("certificate", certificates.ofVerification(verification.getId()).orElse(null));
        model.addAttribute("mayLookAtHours", !account.isTeacher());
        return "cycleverification/case";
    }

    private Optional<CycleVerification> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(verifications.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
    }

    /** The step where the school amends a returned case: the open submission step, whatever the model calls it. */
    private static Optional<CaseTask> submissionStep(List<CaseTask> open) {
        return open.stream().filter(task -> task.kind() == CaseTask.Kind.SUBMISSION).findFirst();
    }
}
