package cn.shixun.audit.web;

import cn.shixun.audit.AuditEvent;
import cn.shixun.audit.AuditQuery;
import cn.shixun.audit.AuditTrail;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail API for managers and system administrators, limited to their scope:
 * a page of lines matching the filters, newest first, and the same lines as a CSV export.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrail trail;
    private final CurrentAccounts accounts;
    private final MessageSource messages;
    private final RefusalText refusals;
    private final Clock clock;

    AuditController(AuditTrail trail, CurrentAccounts accounts, MessageSource messages, RefusalText refusals, Clock clock) {
        this.clock = clock;
        this.trail = trail;
        this.accounts = accounts;
        this.messages = messages;
        this.refusals = refusals;
    }

    record LinesPage(List<AuditLineView> items, int page, int size, long totalElements, int totalPages) {
    }

    @GetMapping
    LinesPage search(AuditFilterForm filters) {
        Page<AuditEvent> found = trail.search(accounts.require(), filters.query(), filters.pageNumber(),
                filters.pageSize());
        return new LinesPage(views(trail, found.getContent(), messages), found.getNumber(), found.getSize(), found.getTotalElements(),
                found.getTotalPages());
    }

    @GetMapping("/export")
    void export(AuditFilterForm filters, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        exportTo(trail, accounts.require(), filters, format, messages, LocalDate.now(clock), response);
    }

    /** Only the filters are refused here (AuditQuery#invalid): 400, naming the field. */
    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail invalid(BusinessRuleException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                invalid.field() + ": " + refusals.forReader(invalid));
        problem.setType(URI.create("urn:shixun:problem:" + invalid.messageKey()));
        problem.setTitle(text(messages, "problem.title.invalid"));
        problem.setProperty("field", invalid.field());
        return problem;
    }

    /** The export for the API and the page alike; only CSV is offered. */
    static void exportTo(AuditTrail trail, CurrentAccount reader, AuditFilterForm filters, String format,
                         MessageSource messages, LocalDate today, HttpServletResponse response) throws IOException {
        if (!"csv".equals(format.toLowerCase(Locale.ROOT))) {
            throw AuditQuery.invalid("format", "audit.invalid.format", format);
        }
        AuditCsv.write(views(trail, trail.export(reader, filters.query()), messages), today, response);
    }

    /** The lines as shown, with their organisations' names looked up once. */
    static List<AuditLineView> views(AuditTrail trail, List<AuditEvent> lines, MessageSource messages) {
        Map<Long, String> names = trail.organisationNames(lines);
        return lines.stream().map(e -> AuditLineView.of(e, names, messages)).toList();
    }

    static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
