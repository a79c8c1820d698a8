package cn.shixun.training.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.policy.CreditResult;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.training.CertificateKind;
import cn.shixun.training.ExternalTraining;
import cn.shixun.training.ExternalTrainings;
import cn.shixun.training.TrainingUploads;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * An external-training application's page, for everyone who may see it:
 * the plan, the certificate, the history, and for the applicant the form of the open submission
 * step (amend the application, submit or amend the completion) with the reviewer's comment of a
 * return. Forms call {@link ExternalTrainings} like the JSON API, through {@link TrainingUploads}
 * where a file comes with them: it is stored in the same transaction, so a refused form leaves
 * nothing behind. Reviews are decided in the workbench, to which the page links.
 */
@Controller
class TrainingCasePages {

    private final ExternalTrainings trainings;
    private final TrainingUploads uploads;
    private final CurrentAccounts accounts;
    private final TrainingPageModel pages;
    private final TrainingForms forms;

    TrainingCasePages(ExternalTrainings trainings, TrainingUploads uploads, CurrentAccounts accounts,
                      TrainingPageModel pages, TrainingForms forms) {
        this.trainings = trainings;
        this.uploads = uploads;
        this.accounts = accounts;
        this.pages = pages;
        this.forms = forms;
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
        if (pages.workableSubmission(training.get(), account, false).isEmpty()) {
            return notNow(training.get(), account, "training.page.not-returned", redirect);
        }
        Map<String, String> errors = forms.conversionErrors(binding);
        PlanForm typed = form == null ? PlanForm.empty() : form;
        String formError = null;
        if (errors.isEmpty()) {
            try {
                uploads.amendApplication(id, account, typed.toPlan(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", forms.text("training.page.amended"));
                return "redirect:/trainings/" + id;
            } catch (BusinessRuleException refusal) {
                formError = forms.refused(refusal, errors, TrainingForms.PLAN_FIELDS);
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
        if (pages.workableSubmission(training.get(), account, true).isEmpty()) {
            return notNow(training.get(), account, "training.page.no-completion-due", redirect);
        }
        Map<String, String> errors = forms.conversionErrors(binding);
        CompletionForm typed = form == null ? CompletionForm.empty() : form;
        String formError = null;
        if (errors.isEmpty()) {
            try {
                uploads.submitCompletion(id, account, typed.toEvidence(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", forms.text("training.page.completed"));
                return "redirect:/trainings/" + id;
            } catch (BusinessRuleException refusal) {
                formError = forms.refused(refusal, errors, TrainingForms.COMPLETION_FIELDS);
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
        Optional<ExternalTraining> training = visible(id, account);
        if (training.isEmpty()) {
            return notFound(model, response);
        }
        if (pages.workableSubmission(training.get(), account, true).isEmpty()) {
            throw new AccessDeniedException(account.username() + " has no completion to submit for training " + id);
        }
        if (certificateKind != null && (statedHours != null || statedDays != null)) {
            try {
                CreditResult hint = trainings.previewCredit(id, certificateKind, statedHours, statedDays);
                model.addAttribute("hint", hint);
                model.addAttribute("hintHours", hint.hours().stripTrailingZeros().toPlainString());
            } catch (BusinessRuleException refusal) {
                model.addAttribute("hintRefusal", forms.forReader(refusal));
            }
        }
        return "training/case :: creditHint";
    }

    private String casePage(Model model, CurrentAccount account, ExternalTraining training, PlanForm planForm,
                            CompletionForm completionForm, Map<String, String> errors, String formError) {
        pages.fillCase(model, account, training, planForm, completionForm, errors, formError);
        return "training/case";
    }

    private Optional<ExternalTraining> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(trainings.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
    }

    /**
     * A form posted when its step is not open for the account: the applicant (or the teacher) is
     * told so on the case page; anyone else may not act on the teacher's steps at all (403).
     */
    private String notNow(ExternalTraining training, CurrentAccount account, String messageKey,
                          RedirectAttributes redirect) {
        boolean applicantSide = account.username().equals(training.applicant())
                || (account.isTeacher() && training.teacherId().equals(account.teacherId()));
        if (!applicantSide) {
            throw new AccessDeniedException(account.username() + " may not submit for training " + training.getId());
        }
        redirect.addFlashAttribute("error", forms.text(messageKey, pages.statusLabel(training)));
        return "redirect:/trainings/" + training.getId();
    }
}
