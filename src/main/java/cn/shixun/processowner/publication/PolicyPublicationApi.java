package cn.shixun.processowner.publication;

import cn.shixun.security.CurrentAccounts;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Submitting a draft policy version for publication, and a second process owner's approval or return. */
@RestController
@RequestMapping("/process-owner/api")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class PolicyPublicationApi {

    private final PolicyPublications publications;
    private final CurrentAccounts accounts;

    PolicyPublicationApi(PolicyPublications publications, CurrentAccounts accounts) {
        this.publications = publications;
        this.accounts = accounts;
    }

    @PostMapping("/policy-drafts/{policyVersionId}/publication")
    ResponseEntity<PolicyPublications.Publication> submit(@PathVariable long policyVersionId) {
        long id = publications.submit(policyVersionId, accounts.require().username());
        return ResponseEntity.created(URI.create("/process-owner/api/publications/" + id)).body(publications.get(id));
    }

    @GetMapping("/publications/{id}")
    PolicyPublications.Publication get(@PathVariable long id) {
        return publications.get(id);
    }

    @PostMapping("/publications/{id}/approval")
    PolicyPublications.Publication approve(@PathVariable long id) {
        publications.approve(id, accounts.require());
        return publications.get(id);
    }

    /** The reason a publication goes back, as the body's {@code comment}. */
    record Return(String comment) {
    }

    @PostMapping("/publications/{id}/rejection")
    @ResponseStatus(HttpStatus.OK)
    PolicyPublications.Publication reject(@PathVariable long id, @RequestBody Return reason) {
        publications.reject(id, accounts.require(), reason == null ? null : reason.comment());
        return publications.get(id);
    }
}
