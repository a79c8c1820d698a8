package cn.shixun.processowner.publication;

import cn.shixun.policy.PolicyProfile;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
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
 * The publications of policy versions for process owners: the list (awaiting approval first, then the
 * history), and one publication with what its tables change, approved or returned by a second owner.
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
        model.addAttribute("publications", publications.all().stream()
                .map(p -> new Listed(p, publications.versionOf(p.id()))).toList());
        return "processowner/publications";
    }

    /** A publication with the version it publishes, for the list. */
    record Listed(PolicyPublications.Publication publication, PolicyProfile version) {
    }

    @GetMapping("/publications/{id}")
    String show(@PathVariable long id, Model model) {
        PolicyPublications.Publication publication = publications.get(id);
        model.addAttribute("publication", publication);
        model.addAttribute("version", publications.versionOf(id));
        model.addAttribute("changes", publications.changes(id));
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

    @PostMapping("/publications/{id}/approval")
    String approve(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            publications.approve(id, accounts.require().username());
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
            publications.reject(id, accounts.require().username(), comment);
        } catch (BusinessRuleException refused) {
            return refusedOn(id, refused, comment, model, response);
        }
        redirect.addFlashAttribute("done", "publication.page.rejected");
        return "redirect:/process-owner/publications/" + id;
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
