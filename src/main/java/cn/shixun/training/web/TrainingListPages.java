package cn.shixun.training.web;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.training.ExternalTraining;
import cn.shixun.training.ExternalTrainings;
import cn.shixun.training.TrainingUploads;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lists of external-training applications — a teacher's own and a school's — and the
 * teacher's application form, with the notice or plan uploaded in the same POST through
 * {@link TrainingUploads}, so a refused form leaves nothing behind. Each case is shown by
 * {@link TrainingCasePages}.
 */
@Controller
class TrainingListPages {

    private static final int PAGE_SIZE = 20;

    private final ExternalTrainings trainings;
    private final TrainingUploads uploads;
    private final CurrentAccounts accounts;
    private final Organisations organisations;
    private final TrainingPageModel pages;
    private final TrainingForms forms;

    TrainingListPages(ExternalTrainings trainings, TrainingUploads uploads, CurrentAccounts accounts,
                      Organisations organisations, TrainingPageModel pages, TrainingForms forms) {
        this.trainings = trainings;
        this.uploads = uploads;
        this.accounts = accounts;
        this.organisations = organisations;
        this.pages = pages;
        this.forms = forms;
    }

    @GetMapping("/my/trainings")
    String mine(Model model) {
        CurrentAccount teacher = requireTeacher();
        model.addAttribute("rows", pages.rows(trainings.ofTeacher(teacher.teacherId())));
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
        model.addAttribute("rows", pages.rows(found.getContent()));
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
        Map<String, String> errors = forms.conversionErrors(binding);
        PlanForm typed = form == null ? PlanForm.empty() : form;
        String formError = null;
        if (errors.isEmpty()) {
            try {
                ExternalTraining applied = uploads.apply(teacher, typed.toPlan(typed.existingFile()), scan);
                redirect.addFlashAttribute("done", forms.text("training.page.applied"));
                return "redirect:/trainings/" + applied.getId();
            } catch (BusinessRuleException refusal) {
                formError = forms.refused(refusal, errors, TrainingForms.PLAN_FIELDS);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return applicationForm(model, teacher, typed, errors, formError);
    }

    private String applicationForm(Model model, CurrentAccount teacher, PlanForm form, Map<String, String> errors,
                                   String formError) {
        model.addAttribute("planForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        pages.putPlanChoices(model, teacher.teacherId());
        return "training/new";
    }

    private CurrentAccount requireTeacher() {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException("a teacher's own trainings; " + account.username() + " is "
                    + account.role());
        }
        return account;
    }
}
