package cn.shixun.audit.web;

import cn.shixun.audit.AuditEvent;
import cn.shixun.audit.AuditOutcome;
import cn.shixun.audit.AuditTrail;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: the audit trail for managers and system administrators, with filters, pages and the CSV export. */
@Controller
class AuditPage {

    /**
     * Offered as suggestions in the action filter (an area's entry ending in "." finds all its actions); other
     * actions can be typed in.
     */
    static final List<String> KNOWN_ACTIONS = List.of("ledger.", "ledger.register", "ledger.correct",
            "ledger.import-legacy", "teacher.", "teacher.hire", "teacher.transfer", "teacher.leave-post", "case.",
            "case.approved", "case.returned", "case.rejected", "exemption.", "training.", "countyPlan.", "annual.",
            "cycle-verification.", "schoolclass.", "evidence.", "policy-publication.", "engine.", "engine.refused",
            "auth.sign-in", "auth.sign-in-failed", "access.denied", "audit.export");

    private final AuditTrail trail;
    private final CurrentAccounts accounts;
    private final Organisations organisations;
    private final MessageSource messages;
    private final RefusalText refusals;
    private final Clock clock;

    AuditPage(AuditTrail trail, CurrentAccounts accounts, Organisations organisations, MessageSource messages,
               RefusalText refusals, Clock clock) {
        this.clock = clock;
        this.trail = trail;
        this.accounts = accounts;
        this.organisations = organisations;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping("/audit")
    String page(AuditFilterForm filters, Model model, HttpServletResponse response) {
        CurrentAccount reader = readerOrRefuse();
        model.addAttribute("form", filters);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("knownActions", KNOWN_ACTIONS);
        model.addAttribute("scopeName", organisations.find(reader.organisationId()).map(Organisation::name)
                .orElseGet(() -> reader.isPlatformAdmin()
                        ? messages.getMessage("header.platform", null, LocaleContextHolder.getLocale()) : ""));
        model.addAttribute("filterQuery", filters.queryString());
        try {
            Page<AuditEvent> found = trail.search(reader, filters.query(), filters.pageNumber(), filters.pageSize());
            model.addAttribute("page", found);
            model.addAttribute("lines", AuditController.views(trail, found.getContent(), messages));
        } catch (BusinessRuleException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", invalid.field());
            model.addAttribute("error", refusals.forReader(invalid));
            model.addAttribute("lines", List.of());
        }
        return "audit/audit";
    }

    @GetMapping("/audit/export")
    void export(AuditFilterForm filters, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        CurrentAccount reader = readerOrRefuse();
        try {
            AuditController.exportTo(trail, reader, filters, format, messages, LocalDate.now(clock), response);
        } catch (BusinessRuleException invalid) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), invalid.field() + ": "
                    + refusals.forReader(invalid));
        }
    }

    private CurrentAccount readerOrRefuse() {
        CurrentAccount reader = accounts.require();
        if (!AuditTrail.mayRead(reader)) {
            throw new AccessDeniedException(reader.username() + " may not read the audit trail");
        }
        return reader;
    }
}
