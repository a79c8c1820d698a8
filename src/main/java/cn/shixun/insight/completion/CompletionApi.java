package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
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
    private final Clock clock;

    CompletionApi(CompletionScope scope, CompletionTables tables, MessageSource messages, RefusalText refusals,
                  Clock clock) {
        this.scope = scope;
        this.tables = tables;
        this.messages = messages;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping
    CompletionJson.Table table(@RequestParam(required = false) Long org, @RequestParam(required = false) String year,
                               @RequestParam(required = false) String basis) {
        CurrentAccount viewer = scope.viewer();
        Organisation organisation = scope.organisation(viewer, org);
        CompletionView view = CompletionView.of(year, basis, LocalDate.now(clock));
        return CompletionJson.of(tables.table(organisation, view, organisation.getId().equals(viewer.organisationId())));
    }

    @GetMapping("/schools/{schoolId}")
    CompletionJson.School school(@PathVariable Long schoolId, @RequestParam(required = false) String year,
                                 @RequestParam(required = false) String basis) {
        Organisation school = scope.school(scope.viewer(), schoolId);
        CompletionView view = CompletionView.of(year, basis, LocalDate.now(clock));
        return CompletionJson.of(school, view, tables.school(schoolId, view));
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
