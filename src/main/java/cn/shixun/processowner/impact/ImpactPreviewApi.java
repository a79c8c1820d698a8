package cn.shixun.processowner.impact;

import cn.shixun.security.CurrentAccounts;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Impact previews of draft policy versions: started, then polled for progress until done. */
@RestController
@RequestMapping("/process-owner/api")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class ImpactPreviewApi {

    private final ImpactPreviews previews;
    private final CurrentAccounts accounts;

    ImpactPreviewApi(ImpactPreviews previews, CurrentAccounts accounts) {
        this.previews = previews;
        this.accounts = accounts;
    }

    /** 202 with the preview's address; it is worked in the background. */
    @PostMapping("/policy-drafts/{policyVersionId}/impact")
    ResponseEntity<ImpactPreviews.Preview> start(@PathVariable long policyVersionId) {
        long id = previews.start(policyVersionId, accounts.require().username());
        previews.startSoon(id);
        return ResponseEntity.accepted().location(URI.create("/process-owner/api/impacts/" + id)).body(previews.get(id));
    }

    @GetMapping("/impacts/{id}")
    ImpactPreviews.Preview get(@PathVariable long id) {
        return previews.get(id);
    }
}
