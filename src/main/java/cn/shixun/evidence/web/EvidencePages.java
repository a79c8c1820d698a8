package cn.shixun.evidence.web;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.web.ErrorPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The download link on the pages (session sign-in): the same file, headers and scope as the API. */
@Controller
class EvidencePages {

    private final EvidenceFiles evidence;
    private final CurrentAccounts accounts;

    EvidencePages(EvidenceFiles evidence, CurrentAccounts accounts) {
        this.evidence = evidence;
        this.accounts = accounts;
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        return Downloads.attachment(evidence.download(id, accounts.require()));
    }

    /** Unknown, or outside the reader's scope: the "page not found" page, which names nothing. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView notFound() {
        return ErrorPage.of(HttpStatus.NOT_FOUND);
    }
}
