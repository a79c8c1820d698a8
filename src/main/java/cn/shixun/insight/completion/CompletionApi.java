package cn.shixun.insight.completion;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The completion tables as JSON: {@code GET /api/completion?org=&year=&basis=} and a
 * school's short teachers {@code GET /api/completion/schools/{id}}. Outside the scope: 404; a bad
 * year or basis: 400 naming the field.
 */
@RestController
@RequestMapping("/api/completion")
class CompletionApi {

    private final CompletionScope scope;
    private final CompletionTables tables;
    private final MessageSource messages;
    private final RefusalText refusals;

    CompletionApi(CompletionScope scope, CompletionTables tables, MessageSource messages, RefusalText refusals) {
        this.scope = scope;
        this.tables = tables;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping
    CompletionJson.Table table(@RequestParam(required = false) Long org, @RequestParam(required = false) String year,
                               @RequestParam(required = false) String basis) {
        CompletionScope.Request request = scope.request(org, year, basis);
        return CompletionJson.of(tables.table(request.organisation(), request.view(), request.own()));
    }

    @GetMapping("/schools/{schoolId}")
    CompletionJson.School school(@PathVariable Long schoolId, @RequestParam(required = false) String year,
                                 @RequestParam(required = false) String basis) {
        CompletionScope.Request request = scope.schoolRequest(schoolId, year, basis);
        return CompletionJson.of(request.organisation(), request.view(), tables.school(schoolId, request.view()));
    }

    /** Bad input is a 400 naming the field (the shared advice would answer 422 for a rule); not found stays 404. */
    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail refused(BusinessRuleException refusal) {
        HttpStatus status = refusal.kind() == BusinessRuleException.Kind.RULE_VIOLATION ? HttpStatus.BAD_REQUEST
                : RefusalStatus.of(refusal);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusals.forReader(refusal));
        problem.setType(URI.create("urn:shixun:problem:" + refusal.messageKey()));
        String title = "problem.title." + (status == HttpStatus.BAD_REQUEST ? "invalid"
                : refusal.kind().name().toLowerCase(Locale.ROOT));
        problem.setTitle(messages.getMessage(title, null, title, LocaleContextHolder.getLocale()));
        problem.setProperty("field", refusal.field());
        if (refusal.ruleId() != null) {
            problem.setProperty("ruleId", refusal.ruleId());
        }
        return problem;
    }
}
