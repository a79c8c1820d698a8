package cn.shixun.exemption.web;

import static cn.shixun.shared.web.PageDates.DAY;

import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.ExemptionUploads;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The teacher's degree-exemption pages: their list of applications, and the application
 * form with the diploma scan uploaded in the same POST. The form calls {@link DegreeExemptions}
 * like the JSON API, through {@link ExemptionUploads}: the scan is stored in the same transaction,
 * so a refused form leaves no file behind. The case page is {@link ExemptionCasePages}.
 */
@Controller
class MyExemptionPages {

    private final DegreeExemptions exemptions;
    private final ExemptionUploads uploads;
    private final CaseTasks cases;
    private final CurrentAccounts accounts;
    private final DiplomaFields fields;

    MyExemptionPages(DegreeExemptions exemptions, ExemptionUploads uploads, CaseTasks cases, CurrentAccounts accounts,
                     DiplomaFields fields) {
        this.exemptions = exemptions;
        this.uploads = uploads;
        this.cases = cases;
        this.accounts = accounts;
        this.fields = fields;
    }

    /** One application in the teacher's list. */
    record Row(Long id, String degree, String status, String badge, String applied, String updated) {
    }

    @GetMapping("/my/exemptions")
    String mine(Model model) {
        CurrentAccount teacher = requireTeacher();
        List<DegreeExemption> applications = exemptions.ofTeacher(teacher.teacherId());
        Map<Long, CaseProgress> steps = cases.progressOf(DegreeExemptionProcess.PROCESS_ID,
                applications.stream().map(DegreeExemption::getId).toList());
        model.addAttribute("rows", applications.stream()
                .map(e -> {
                    CaseProgress progress = steps.get(e.getId());
                    return new Row(e.getId(), e.diploma().institution() + " " + e.diploma().major() + "（"
                            + e.diploma().degreeLevel().label() + "）", progress.statusLabel(e.status()),
                            ExemptionBadges.of(e, progress), DAY.format(e.createdAt()), DAY.format(e.updatedAt()));
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
        Map<String, String> errors = fields.conversionErrors(binding);
        DiplomaForm typed = form == null ? DiplomaForm.empty() : form;
        if (!errors.isEmpty()) {
            return applicationForm(model, teacher, typed, errors, null);
        }
        try {
            DegreeExemption applied = uploads.apply(teacher, typed.toDiploma(typed.existingFile()), scan);
            redirect.addFlashAttribute("done", fields.text("exemption.page.applied"));
            return "redirect:/exemptions/" + applied.getId();
        } catch (BusinessRuleException refusal) {
            return applicationForm(model, teacher, typed, errors, fields.refused(refusal, errors));
        }
    }

    private String applicationForm(Model model, CurrentAccount teacher, DiplomaForm form, Map<String, String> errors,
                                   String formError) {
        fields.show(model, teacher.teacherId(), form, errors, formError);
        return "exemption/new";
    }

    private CurrentAccount requireTeacher() {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException("degree-exemption applications are a teacher's; " + account.username()
                    + " is " + account.role());
        }
        return account;
    }
}
