package cn.shixun.processowner.publication;

import cn.shixun.policy.PolicyProfile;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The publications for process owners, of policy versions and of BPMN models: the list (awaiting
 * approval first, then the history), and one publication with what it changes (a version's tables row
 * by row, a model element by element), approved or returned by a second owner.
 */
@Controller
@RequestMapping("/process-owner")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class PublicationPages {

    private final PolicyPublications publications;
    private final CurrentAccounts accounts;
    private final RefusalText refusals;

    PublicationPages(PolicyPublications publications, CurrentAccounts accounts, RefusalText refusals) {
        this.publications = publications;
        this.accounts = accounts;
        this.refusals = refusals;
    }

    @GetMapping("/publications")
    String list(Model model) {
        model.addAttribute("publications", publications.all().stream().map(this::listed).toList());
        return "processowner/publications";
    }

    /** A publication with what it publishes ({@code sanmenxia-2023 v2}, {@code degreeExemption.bpmn}) under which notice. */
    record Listed(PolicyPublications.Publication publication, String subject, String title, LocalDate effectiveFrom) {
    }

    private Listed listed(PolicyPublications.Publication publication) {
        PolicyProfile version = publications.versionOf(publication.id());
        if (version != null) {
            return new Listed(publication, version.label(), version.title(), version.effectiveFrom());
        }
        return new Listed(publication, publications.modelOf(publication.id()).resourceName(), publication.noticeTitle(),
                publication.effectiveFrom());
    }

    @GetMapping("/publications/{id}")
    String show(@PathVariable long id, Model model) {
        PolicyPublications.Publication publication = publications.get(id);
        model.addAttribute("publication", publication);
        model.addAttribute("listed", listed(publication));
        model.addAttribute("version", publications.versionOf(id));
        model.addAttribute("changes", publications.changes(id));
        model.addAttribute("modelChanges", publications.modelChanges(id));
        model.addAttribute("ownSubmission", publication.submittedBy().equals(accounts.require().username()));
        return "processowner/publication";
    }

    /** From the draft version's page: submit it for a second process owner's approval. */
    @PostMapping("/policy-drafts/{policyVersionId}/publication")
    String submit(@PathVariable long policyVersionId, RedirectAttributes redirect) {
        try {
            long id = publications.submit(policyVersionId, accounts.require().username());
            redirect.addFlashAttribute("done", "publication.page.submitted");
            return "redirect:/process-owner/publications/" + id;
        } catch (BusinessRuleException refused) {
            redirect.addFlashAttribute("error", refusals.forReader(refused));
            return "redirect:/process-owner/policy-drafts/" + policyVersionId;
        }
    }

    /** From a BPMN draft's page: submit it, under its notice, for a second process owner's approval. */
    @PostMapping("/drafts/{draftId}/publication")
    String submitModel(@PathVariable long draftId, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String documentNumber,
                       @RequestParam(required = false) String effectiveFrom, RedirectAttributes redirect) {
        PolicyPublications.Notice notice = new PolicyPublications.Notice(title, documentNumber, isoDate(effectiveFrom));
        try {
            long id = publications.submitModel(draftId, notice, accounts.require().username());
            redirect.addFlashAttribute("done", "publication.page.submitted");
            return "redirect:/process-owner/publications/" + id;
        } catch (BusinessRuleException refused) {
            redirect.addFlashAttribute("publishError", refusals.forReader(refused));
            redirect.addFlashAttribute("publishErrorField", refused.field());
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/process-owner/drafts/" + draftId;
        }
    }

    @PostMapping("/publications/{id}/approval")
    String approve(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            publications.approve(id, accounts.require());
        } catch (BusinessRuleException refused) {
            return refusedOn(id, refused, null, model, response);
        }
        redirect.addFlashAttribute("done", "publication.page.approved");
        return "redirect:/process-owner/publications/" + id;
    }

    @PostMapping("/publications/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            publications.reject(id, accounts.require(), comment);
        } catch (BusinessRuleException refused) {
            return refusedOn(id, refused, comment, model, response);
        }
        redirect.addFlashAttribute("done", "publication.page.rejected");
        return "redirect:/process-owner/publications/" + id;
    }

    /** A date input's value (ISO, as the browser's date picker sends it); null when empty or not a date. */
    private static LocalDate isoDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** The publication page again with the refusal at the top (or beside the comment) and the comment kept. */
    private String refusedOn(long id, BusinessRuleException refused, String comment, Model model, HttpServletResponse response) {
        response.setStatus(RefusalStatus.of(refused).value());
        model.addAttribute("error", refusals.forReader(refused));
        model.addAttribute("errorField", refused.field());
        model.addAttribute("comment", comment);
        return show(id, model);
    }

    /** An unknown publication: the "page not found" page. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refused(BusinessRuleException refusal) {
        return ErrorPage.of(RefusalStatus.of(refusal));
    }
}
