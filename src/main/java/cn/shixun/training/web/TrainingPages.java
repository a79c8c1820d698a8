package cn.shixun.training.web;

import static cn.shixun.shared.web.ErrorPage.notFound;
import static cn.shixun.shared.web.PageDates.DAY;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.policy.CreditResult;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.CertificateKind;
import cn.shixun.training.ExternalTraining;
import cn.shixun.training.ExternalTrainings;
import cn.shixun.training.TrainingStatus;
import cn.shixun.training.TrainingUploads;
import cn.shixun.training.process.ExternalTrainingProcess;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
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
 * The external-training pages: a teacher's applications and a school's,
 * the application form with the notice or plan uploaded in the same POST, and the case page —
 * the plan, the certificate, the history, and for the applicant the form of the open submission
 * step (amend the application, submit or amend the completion) with the reviewer's comment of a
 * return. Forms call {@link ExternalTrainings} like the JSON API, through {@link TrainingUploads}
 * where a file comes with them: it is stored in the same transaction, so a refused form leaves
 * nothing behind.
 * Reviews are decided in the workbench, to which the page links.
 */
@Controller
class TrainingPages {

    static final int PAGE_SIZE = 20;
    private static final Set<String> PLAN_FIELDS = Set.of("providerId", "projectName", "startDate", "endDate", "place",
            "plannedContent", "planFile");
    private static final Set<String> COMPLETION_FIELDS = Set.of("certificateNumber", "certificateKind", "statedHours",
            "statedDays", "certificateFile");
    private static final Set<String> COMPLETION_STEPS = Set.of(ExternalTrainingProcess.SUBMIT_COMPLETION,
            ExternalTrainingProcess.AMEND_COMPLETION);

    private final ExternalTrainings trainings;
    private final TrainingProviders providers;
    private final EvidenceFiles evidence;
    private final TrainingUploads uploads;
    private final CaseTasks cases;
    private final CurrentAccounts accounts;
    private final Teachers teachers;
    private final Organisations organisations;
    private final RefusalText refusals;
    private final MessageSource messages;
    private final Clock clock;

    TrainingPages(ExternalTrainings trainings, TrainingProviders providers, EvidenceFiles evidence,
                  TrainingUploads uploads, CaseTasks cases, CurrentAccounts accounts, Teachers teachers,
                  Organisations organisations, RefusalText refusals, MessageSource messages,
                  Clock clock) {
        this.clock = clock;
        this.trainings = trainings;
        this.providers = providers;
        this.evidence = evidence;
        this.uploads = uploads;
        this.cases = cases;
        this.accounts = accounts;
        this.teachers = teachers;
        this.organisations = organisations;
        this.refusals = refusals;
        this.messages = messages;
    }

    /** One application in a list. */
    record Row(Long id, String teacher, String project, String provider, String dates, TrainingStatus status,
               String badge, String step, String applied) {
    }

    /** A provider as the select offers it: the name and its kind. */
    record ProviderOption(Long id, String label) {
    }

    @GetMapping("/my/trainings")
    String mine(Model model) {
        CurrentAccount teacher = requireTeacher();
        model.addAttribute("rows", trainings.ofTeacher(teacher.teacherId()).stream().map(this::row).toList());
        model.addAttribute("own", true);
        return "training/list";
    }

    @GetMapping("/trainings")
    String school(@RequestParam(defaultValue = "0") int page, Model model) {
        CurrentAccount account = accounts.require();
        if (account.isTeacher()) {
            return "redirect:/my/trainings";
        }
        if (!account.is(Role.SCHOOL_ADMIN) || account.organisationId() == null) {
            throw new AccessDeniedException("the school's training list is a school administrator's; "
                    + account.username() + " is " + account.role());
        }
        Page<ExternalTraining> found = trainings.ofSchool(account.organisationId(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("rows", found.getContent().stream().map(this::row).toList());
        model.addAttribute("page", found);
        model.addAttribute("own", false);
        model.addAttribute("school", organisations.find(account.organisationId()).map(Organisation::name).orElse(""));
        return "training/list";
    }

    @GetMapping("/my/trainings/new")
    String newApplication(Model model) {
        CurrentAccount teacher = requireTeacher();
        return applicationForm(model, teacher, PlanForm.empty(), new LinkedHashMap<>(), null);
    }

    @PostMapping("/my/trainings/new")
    String apply(@ModelAttribute("planForm") PlanForm form, BindingResult binding,
                 @RequestParam(name = "planScan", required = false) MultipartFile scan, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount teacher = requireTeacher();
        Map<String, String> errors = conversionErrors(binding);
        PlanForm typed = form == null ? PlanForm.empty() : form;
        String formError = null;
        if (errors.isEmpty()) {
            try {
                ExternalTraining applied = uploads.apply(teacher, typed.toPlan(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", text("training.page.applied"));
                return "redirect:/trainings/" + applied.getId();
            } catch (BusinessRuleException refusal) {
                formError = refused(refusal, errors, PLAN_FIELDS);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return applicationForm(model, teacher, typed, errors, formError);
    }

    @GetMapping("/trainings/{id}")
    String show(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        Optional<ExternalTraining> training = visible(id, account);
        if (training.isEmpty()) {
            return notFound(model, response);
        }
        return casePage(model, account, training.get(), PlanForm.of(training.get().plan()),
                CompletionForm.of(training.get().evidence()), new LinkedHashMap<>(), null);
    }

    @PostMapping("/trainings/{id}/application")
    String amend(@PathVariable Long id, @ModelAttribute("planForm") PlanForm form, BindingResult binding,
                 @RequestParam(name = "planScan", required = false) MultipartFile scan, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        Optional<ExternalTraining> training = visible(id, account);
        if (training.isEmpty()) {
            return notFound(model, response);
        }
        if (workableStep(id, account, Set.of(ExternalTrainingProcess.AMEND_APPLICATION)).isEmpty()) {
            return notNow(id, account, "training.page.not-returned", redirect);
        }
        Map<String, String> errors = conversionErrors(binding);
        PlanForm typed = form == null ? PlanForm.empty() : form;
        String formError = null;
        if (errors.isEmpty()) {
            try {
                uploads.amendApplication(id, account, typed.toPlan(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", text("training.page.amended"));
                return "redirect:/trainings/" + id;
            } catch (BusinessRuleException refusal) {
                formError = refused(refusal, errors, PLAN_FIELDS);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        ExternalTraining unchanged = trainings.require(id);
        return casePage(model, account, unchanged, typed, CompletionForm.of(unchanged.evidence()), errors, formError);
    }

    @PostMapping("/trainings/{id}/completion")
    String complete(@PathVariable Long id, @ModelAttribute("completionForm") CompletionForm form,
                    BindingResult binding, @RequestParam(name = "certificateScan", required = false) MultipartFile scan,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        Optional<ExternalTraining> training = visible(id, account);
        if (training.isEmpty()) {
            return notFound(model, response);
        }
        if (workableStep(id, account, COMPLETION_STEPS).isEmpty()) {
            return notNow(id, account, "training.page.no-completion-due", redirect);
        }
        Map<String, String> errors = conversionErrors(binding);
        CompletionForm typed = form == null ? CompletionForm.empty() : form;
        String formError = null;
        if (errors.isEmpty()) {
            try {
                uploads.submitCompletion(id, account, typed.toEvidence(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", text("training.page.completed"));
                return "redirect:/trainings/" + id;
            } catch (BusinessRuleException refusal) {
                formError = refused(refusal, errors, COMPLETION_FIELDS);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        ExternalTraining unchanged = trainings.require(id);
        return casePage(model, account, unchanged, PlanForm.of(unchanged.plan()), typed, errors, formError);
    }

    /**
     * The live hint beside the completion form: what the teacher's profile would credit for the
     * certificate as typed so far. Writes nothing; only for who may submit it.
     */
    @PostMapping("/trainings/{id}/completion/preview")
    String creditHint(@PathVariable Long id, @RequestParam(required = false) CertificateKind certificateKind,
                      @RequestParam(required = false) BigDecimal statedHours,
                      @RequestParam(required = false) Integer statedDays, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        if (visible(id, account).isEmpty()) {
            return notFound(model, response);
        }
        if (workableStep(id, account, COMPLETION_STEPS).isEmpty()) {
            throw new AccessDeniedException(account.username() + " has no completion to submit for training " + id);
        }
        if (certificateKind != null && (statedHours != null || statedDays != null)) {
            try {
                CreditResult hint = trainings.previewCredit(id, certificateKind, statedHours, statedDays);
                model.addAttribute("hint", hint);
                model.addAttribute("hintHours", hint.hours().stripTrailingZeros().toPlainString());
            } catch (BusinessRuleException refusal) {
                model.addAttribute("hintRefusal", refusals.forReader(refusal));
            }
        }
        return "training/case :: creditHint";
    }

    private String applicationForm(Model model, CurrentAccount teacher, PlanForm form, Map<String, String> errors,
                                   String formError) {
        model.addAttribute("planForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        putPlanChoices(model, teacher.teacherId());
        return "training/new";
    }

    private String casePage(Model model, CurrentAccount account, ExternalTraining training, PlanForm planForm,
                            CompletionForm completionForm, Map<String, String> errors, String formError) {
        Long id = training.getId();
        List<CaseTask> open = cases.openTasks(ExternalTrainingProcess.PROCESS_ID, String.valueOf(id));
        Optional<CaseTask> mine = open.stream().filter(task -> cases.mayWorkOn(task, account)).findFirst();
        Optional<CaseTask> submission = mine.filter(task -> task.kind() == CaseTask.Kind.SUBMISSION);
        List<CaseEvent> history = trainings.history(id);
        TrainingProvider provider = providers.find(training.plan().providerId()).orElse(null);
        model.addAttribute("training", training);
        model.addAttribute("plan", training.plan());
        model.addAttribute("certificate", training.evidence());
        model.addAttribute("provider", provider == null ? String.valueOf(training.plan().providerId())
                : provider.name() + "（" + provider.kind().label() + "）");
        TrainingStatus shown = shownStatus(training, open.stream().findFirst());
        model.addAttribute("status", shown);
        model.addAttribute("badge", badge(shown));
        model.addAttribute("teacher", teachers.find(training.teacherId()).map(Teacher::name).orElse(""));
        model.addAttribute("school", organisations.find(training.schoolId()).map(Organisation::name).orElse(""));
        model.addAttribute("planFile", evidence.describe(training.plan().planFile()).orElse(null));
        model.addAttribute("certificateFile", training.evidence() == null ? null
                : evidence.describe(training.evidence().certificateFile()).orElse(null));
        model.addAttribute("step", open.stream().findFirst().map(CaseTask::name).orElse(null));
        model.addAttribute("applied", DAY.format(training.createdAt()));
        model.addAttribute("history", CaseHistoryLines.from(history));
        model.addAttribute("returned", training.status() == TrainingStatus.APPLICATION_RETURNED
                || training.status() == TrainingStatus.COMPLETION_RETURNED ? CaseHistoryLines.lastReturned(history) : null);
        model.addAttribute("reviewTask", mine.filter(task -> task.kind() == CaseTask.Kind.REVIEW).orElse(null));
        model.addAttribute("own", account.isTeacher());
        String mode = submission.map(task -> ExternalTrainingProcess.AMEND_APPLICATION.equals(task.taskKey())
                ? "application" : "completion").orElse(null);
        model.addAttribute("mode", mode);
        model.addAttribute("submissionTask", submission.orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        if ("application".equals(mode)) {
            model.addAttribute("planForm", planForm);
            putPlanChoices(model, training.teacherId());
        } else if ("completion".equals(mode)) {
            model.addAttribute("completionForm", completionForm);
            model.addAttribute("kinds", CertificateKind.values());
            model.addAttribute("uploads", evidence.ofTeacher(training.teacherId()));
            model.addAttribute("trainingDays", ChronoUnit.DAYS.between(training.plan().startDate(),
                    training.plan().endDate()) + 1);
        }
        return "training/case";
    }

    private void putPlanChoices(Model model, Long teacherId) {
        model.addAttribute("providers", trainings.providersFor(teacherId).stream()
                .map(p -> new ProviderOption(p.getId(), p.name() + "（" + p.kind().label() + "）")).toList());
        model.addAttribute("uploads", evidence.ofTeacher(teacherId));
        model.addAttribute("earliestStart", LocalDate.now(clock).plusDays(1));
    }

    private Row row(ExternalTraining training) {
        Optional<CaseTask> open = trainings.openTask(training.getId());
        TrainingStatus shown = shownStatus(training, open);
        String step = open.map(CaseTask::name).orElse("—");
        return new Row(training.getId(), teachers.find(training.teacherId()).map(Teacher::name).orElse(""),
                training.plan().projectName(), providers.find(training.plan().providerId())
                .map(TrainingProvider::name).orElse(""),
                text("training.page.date-range", training.plan().startDate(), training.plan().endDate()),
                shown, badge(shown), step, DAY.format(training.createdAt()));
    }

    private Optional<ExternalTraining> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(trainings.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
    }

    /** The case's open task among {@code steps} if {@code account} may work on it. */
    private Optional<CaseTask> workableStep(Long id, CurrentAccount account, Set<String> steps) {
        return cases.openTasks(ExternalTrainingProcess.PROCESS_ID, String.valueOf(id)).stream()
                .filter(task -> steps.contains(task.taskKey()) && cases.mayWorkOn(task, account)).findFirst();
    }

    /**
     * A form posted when its step is not open for the account: the applicant (or the teacher) is
     * told so on the case page; anyone else may not act on the teacher's steps at all (403).
     */
    private String notNow(Long id, CurrentAccount account, String messageKey, RedirectAttributes redirect) {
        ExternalTraining training = trainings.require(id);
        boolean applicantSide = account.username().equals(training.applicant())
                || (account.isTeacher() && training.teacherId().equals(account.teacherId()));
        if (!applicantSide) {
            throw new AccessDeniedException(account.username() + " may not submit for training " + id);
        }
        redirect.addFlashAttribute("error", text(messageKey, training.status().label()));
        return "redirect:/trainings/" + id;
    }

    /** The refusal's message, put at the form field it names, or returned to be shown above the form. */
    private String refused(BusinessRuleException refusal, Map<String, String> errors, Set<String> fields) {
        String message = refusals.forReader(refusal);
        if (fields.contains(refusal.field())) {
            errors.put(refusal.field(), message);
            return null;
        }
        return message;
    }

    private Map<String, String> conversionErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(),
                text("training.page.invalid-value")));
        return errors;
    }

    private CurrentAccount requireTeacher() {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException("a teacher's own trainings; " + account.username() + " is "
                    + account.role());
        }
        return account;
    }

    /**
     * The status as the person should read it: the record stays "consented" when the training's
     * end timer opens the completion step (nothing in the model tells the record), but by then
     * the completion is due.
     */
    private static TrainingStatus shownStatus(ExternalTraining training, Optional<CaseTask> open) {
        boolean due = open.filter(task -> ExternalTrainingProcess.SUBMIT_COMPLETION.equals(task.taskKey())).isPresent();
        return training.status() == TrainingStatus.CONSENTED && due ? TrainingStatus.COMPLETION_DUE : training.status();
    }

    private static String badge(TrainingStatus status) {
        return switch (status) {
            case REGISTERED -> "badge-ok";
            case APPLICATION_RETURNED, COMPLETION_RETURNED -> "badge-escalated";
            case REJECTED, LAPSED, PROVIDER_NOT_QUALIFIED, CREDIT_REFUSED -> "badge-overdue";
            default -> "badge-open";
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
