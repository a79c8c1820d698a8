package cn.shixun.exemption.web;

import static cn.shixun.shared.web.ErrorPage.notFound;
import static cn.shixun.shared.web.PageDates.DAY_TIME;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.ExemptionUploads;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A degree exemption's case page, for whoever may see the case: the diploma, its scan, the
 * history, and for the teacher of a returned case the amendment form with the reviewer's comment.
 * The amendment, its scan in the same POST, goes through {@link ExemptionUploads} like the teacher's
 * application ({@link MyExemptionPages}): a refused form leaves no file behind.
 */
@Controller
class ExemptionCasePages {

    private final DegreeExemptions exemptions;
    private final ExemptionUploads uploads;
    private final CaseTasks cases;
    private final CurrentAccounts accounts;
    private final Teachers teachers;
    private final Organisations organisations;
    private final EvidenceFiles evidence;
    private final DiplomaFields fields;

    ExemptionCasePages(DegreeExemptions exemptions, ExemptionUploads uploads, CaseTasks cases, CurrentAccounts accounts,
                       Teachers teachers, Organisations organisations, EvidenceFiles evidence, DiplomaFields fields) {
        this.exemptions = exemptions;
        this.uploads = uploads;
        this.cases = cases;
        this.accounts = accounts;
        this.teachers = teachers;
        this.organisations = organisations;
        this.evidence = evidence;
        this.fields = fields;
    }

    @GetMapping("/exemptions/{id}")
    String show(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        Optional<DegreeExemption> exemption = visible(id, account);
        if (exemption.isEmpty()) {
            return notFound(model, response);
        }
        return casePage(model, account, exemption.get(), DiplomaForm.of(exemption.get().diploma()), new LinkedHashMap<>(),
                null);
    }

    @PostMapping("/exemptions/{id}/amendment")
    String amend(@PathVariable Long id, @ModelAttribute("form") DiplomaForm form, BindingResult binding,
                 @RequestParam(name = "scan", required = false) MultipartFile scan, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        Optional<DegreeExemption> exemption = visible(id, account);
        if (exemption.isEmpty()) {
            return notFound(model, response);
        }
        if (amendTask(exemptions.openTasks(id), account).isEmpty()) {
            if (!account.isTeacher()) {
                throw new AccessDeniedException(account.username() + " may not amend degree exemption " + id);
            }
            redirect.addFlashAttribute("error", fields.text("exemption.page.not-returned"));
            return "redirect:/exemptions/" + id;
        }
        Map<String, String> errors = fields.conversionErrors(binding);
        DiplomaForm typed = form == null ? DiplomaForm.empty() : form;
        if (errors.isEmpty()) {
            try {
                uploads.amend(id, account, typed.toDiploma(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", fields.text("exemption.page.amended"));
                return "redirect:/exemptions/" + id;
            } catch (BusinessRuleException refusal) {
                return casePage(model, account, exemptions.require(id), typed, errors, fields.refused(refusal, errors));
            }
        }
        return casePage(model, account, exemption.get(), typed, errors, null);
    }

    private String casePage(Model model, CurrentAccount account, DegreeExemption exemption, DiplomaForm form,
                            Map<String, String> errors, String formError) {
        Long id = exemption.getId();
        List<CaseTask> open = exemptions.openTasks(id);
        Optional<CaseTask> amendTask = amendTask(open, account);
        Optional<CaseTask> reviewTask = open.stream()
                .filter(task -> task.kind() == CaseTask.Kind.REVIEW && cases.mayWorkOn(task, account)).findFirst();
        List<CaseEvent> history = exemptions.history(id);
        CaseProgress progress = CaseProgress.of(open);
        model.addAttribute("exemption", exemption);
        model.addAttribute("statusLabel", progress.statusLabel(exemption.status()));
        model.addAttribute("diploma", exemption.diploma());
        model.addAttribute("badge", ExemptionBadges.of(exemption, progress));
        model.addAttribute("teacher", teachers.find(exemption.teacherId()).map(Teacher::name).orElse(""));
        model.addAttribute("school", organisations.find(exemption.schoolId()).map(Organisation::name).orElse(""));
        model.addAttribute("scan", evidence.describe(exemption.diploma().diplomaFile()).orElse(null));
        model.addAttribute("applied", DAY_TIME.format(exemption.createdAt()));
        model.addAttribute("history", CaseHistoryLines.from(history));
        model.addAttribute("returned", exemption.status().isOpen() && progress.awaitsSubmission()
                ? CaseHistoryLines.lastReturned(history) : null);
        model.addAttribute("reviewTask", reviewTask.orElse(null));
        model.addAttribute("amendable", amendTask.isPresent());
        if (amendTask.isPresent()) {
            fields.show(model, exemption.teacherId(), form, errors, formError);
        }
        return "exemption/case";
    }

    private Optional<DegreeExemption> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(exemptions.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
    }

    /** The application's amendment step, if it is the one open and {@code account}'s to do. */
    private Optional<CaseTask> amendTask(List<CaseTask> open, CurrentAccount account) {
        return open.stream().findFirst().filter(task -> task.kind() == CaseTask.Kind.SUBMISSION
                && cases.mayWorkOn(task, account));
    }
}
