package cn.shixun.exemption.web;

import static cn.shixun.shared.web.ErrorPage.notFound;
import static cn.shixun.shared.web.PageDates.DAY;
import static cn.shixun.shared.web.PageDates.DAY_TIME;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.ExemptionUploads;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The degree-exemption pages: a teacher's list of applications, the application form
 * with the diploma scan uploaded in the same POST, and the case page — the diploma, its scan,
 * the history, and for the teacher of a returned case the amendment form with the reviewer's
 * comment. Forms call {@link DegreeExemptions} like the JSON API, through {@link ExemptionUploads}
 * where the scan comes with them: it is stored in the same transaction, so a refused form leaves no
 * file behind.
 */
@Controller
class ExemptionPages {

    /** The form's fields, where a refusal naming one of them is shown; any other refusal goes above the form. */
    private static final Set<String> FIELDS = Set.of("institution", "degreeLevel", "major", "educationRelated",
            "studyStart", "studyEnd", "certificateNumber", "diplomaFile");

    private final DegreeExemptions exemptions;
    private final EvidenceFiles evidence;
    private final ExemptionUploads uploads;
    private final CaseTasks cases;
    private final CurrentAccounts accounts;
    private final Teachers teachers;
    private final Organisations organisations;
    private final RefusalText refusals;
    private final MessageSource messages;
    private final Clock clock;

    ExemptionPages(DegreeExemptions exemptions, EvidenceFiles evidence, ExemptionUploads uploads, CaseTasks cases,
                   CurrentAccounts accounts, Teachers teachers, Organisations organisations, RefusalText refusals,
                   MessageSource messages, Clock clock) {
        this.clock = clock;
        this.exemptions = exemptions;
        this.evidence = evidence;
        this.uploads = uploads;
        this.cases = cases;
        this.accounts = accounts;
        this.teachers = teachers;
        this.organisations = organisations;
        this.refusals = refusals;
        this.messages = messages;
    }

    /** One application in the teacher's list. */
    record Row(Long id, String degree, String status, String badge, String applied, String updated) {
    }

    @GetMapping("/my/exemptions")
    String mine(Model model) {
        CurrentAccount teacher = requireTeacher();
        List<DegreeExemption> applications = exemptions.ofTeacher(teacher.teacherId());
        Map<String, CaseProgress> steps = cases.progressOf(DegreeExemptionProcess.PROCESS_ID,
                applications.stream().map(e -> String.valueOf(e.getId())).toList());
        model.addAttribute("rows", applications.stream()
                .map(e -> {
                    CaseProgress progress = steps.get(String.valueOf(e.getId()));
                    return new Row(e.getId(), e.diploma().institution() + " " + e.diploma().major() + "（"
                            + e.diploma().degreeLevel().label() + "）", progress.statusLabel(e.status()), badge(e, progress),
                            DAY.format(e.createdAt()), DAY.format(e.updatedAt()));
                })
                .toList());
        return "exemption/mine";
    }

    @GetMapping("/my/exemptions/new")
    String newApplication(Model model) {
        CurrentAccount teacher = requireTeacher();
        return applicationForm(model, teacher, DiplomaForm.empty(), new LinkedHashMap<>(), null);
    }

    @PostMapping("/my/exemptions/new")
    String apply(@ModelAttribute("form") DiplomaForm form, BindingResult binding,
                 @RequestParam(name = "scan", required = false) MultipartFile scan, Model model,
                 RedirectAttributes redirect) {
        CurrentAccount teacher = requireTeacher();
        Map<String, String> errors = conversionErrors(binding);
        DiplomaForm typed = form == null ? DiplomaForm.empty() : form;
        if (!errors.isEmpty()) {
            return applicationForm(model, teacher, typed, errors, null);
        }
        try {
            DegreeExemption applied = uploads.apply(teacher, typed.toDiploma(typed.existingFile()), scan);
            redirect.addFlashAttribute("done", text("exemption.page.applied"));
            return "redirect:/exemptions/" + applied.getId();
        } catch (BusinessRuleException refusal) {
            return applicationForm(model, teacher, typed, errors, refused(refusal, errors));
        }
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
            redirect.addFlashAttribute("error", text("exemption.page.not-returned"));
            return "redirect:/exemptions/" + id;
        }
        Map<String, String> errors = conversionErrors(binding);
        DiplomaForm typed = form == null ? DiplomaForm.empty() : form;
        if (errors.isEmpty()) {
            try {
                uploads.amend(id, account, typed.toDiploma(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", text("exemption.page.amended"));
                return "redirect:/exemptions/" + id;
            } catch (BusinessRuleException refusal) {
                return casePage(model, account, exemptions.require(id), typed, errors, refused(refusal, errors));
            }
        }
        return casePage(model, account, exemption.get(), typed, errors, null);
    }

    private String applicationForm(Model model, CurrentAccount teacher, DiplomaForm form, Map<String, String> errors,
                                   String formError) {
        diplomaFields(model, teacher.teacherId(), form, errors, formError);
        return "exemption/new";
    }

    /** What {@code exemption/diploma-fields} shows: the values typed, the refusals, the teacher's earlier uploads. */
    private void diplomaFields(Model model, Long teacherId, DiplomaForm form, Map<String, String> errors,
                               String formError) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("uploads", evidence.ofTeacher(teacherId));
        model.addAttribute("degreeLevels", DegreeLevel.values());
        model.addAttribute("today", LocalDate.now(clock));
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
        model.addAttribute("badge", badge(exemption, progress));
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
            diplomaFields(model, exemption.teacherId(), form, errors, formError);
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

    /** The refusal's message, put at the field it names, or returned for the top. */
    private String refused(BusinessRuleException refusal, Map<String, String> errors) {
        String message = refusals.forReader(refusal);
        if (FIELDS.contains(refusal.field())) {
            errors.put(refusal.field(), message);
            return null;
        }
        return message;
    }

    private Map<String, String> conversionErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), text("exemption.page.invalid-value")));
        return errors;
    }

    private CurrentAccount requireTeacher() {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException("degree-exemption applications are a teacher's; " + account.username()
                    + " is " + account.role());
        }
        return account;
    }

    private static String badge(DegreeExemption exemption, CaseProgress progress) {
        return switch (exemption.status()) {
            case EXEMPTED -> "badge-ok";
            case REJECTED, CREDIT_REFUSED -> "badge-overdue";
            case OPEN -> progress.awaitsSubmission() ? "badge-escalated" : "badge-open";
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
