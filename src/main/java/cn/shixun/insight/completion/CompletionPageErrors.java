package cn.shixun.insight.completion;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a completion page or export: outside the scope or unknown → the 404 page; a bad
 * year or basis → 400 (a snapshot of a year not over: 422) with the message naming the field, and nothing downloaded.
 */
@ControllerAdvice(assignableTypes = {CompletionPages.class, CompletionExports.class})
class CompletionPageErrors {

    private final RefusalText refusals;

    CompletionPageErrors(RefusalText refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refused(BusinessRuleException refusal) {
        if (refusal.kind() == BusinessRuleException.Kind.NOT_FOUND) {
            return ErrorPage.of(HttpStatus.NOT_FOUND);
        }
        return new ModelAndView("completion/refused",
                Map.of("message", refusals.forReader(refusal), "field", String.valueOf(refusal.field())),
                RefusalStatus.of(refusal));
    }
}
