package cn.shixun.insight.bottlenecks;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessDate;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The cases behind one figure of the 管理看板, each linking to its case page. */
@Controller
class CaseDrillPages {

    /** The dashboard's query and the figure's filters. */
    record DrillQuery(String organisation, String from, String to, String kind, String procedure, String step,
                      Long unit, String level, String week) {

        CaseDrill.Filter filter() {
            CaseDrill.Kind parsed;
            try {
                parsed = CaseDrill.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw BusinessRuleException.malformed("kind", "dashboard.cases.kind", kind);
            }
            LocalDate monday;
            try {
                monday = week == null || week.isBlank() ? null : Weeks.of(LocalDate.parse(week.strip()));
            } catch (java.time.format.DateTimeParseException notADate) {
                throw BusinessRuleException.malformed("week", "dashboard.range.not-a-date", week);
            }
            return new CaseDrill.Filter(parsed, blank(procedure), blank(step), unit, blank(level), monday);
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A line as shown: the task and where its case page is. */
    record Row(CaseDrill.Line line, String procedure, String organisation, String created, String ended, String waited,
               String casePage) {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessDate.ZONE);

    private final DashboardFilter filter;
    private final CaseDrill drill;
    private final DashboardFigures figures;
    private final CaseLinks links;
    private final CurrentAccounts accounts;
    private final RefusalText refusals;

    CaseDrillPages(DashboardFilter filter, CaseDrill drill, DashboardFigures figures, CaseLinks links,
                   CurrentAccounts accounts, RefusalText refusals) {
        this.filter = filter;
        this.drill = drill;
        this.figures = figures;
        this.links = links;
        this.accounts = accounts;
        this.refusals = refusals;
    }

    @GetMapping("/dashboard/cases")
    String cases(@ModelAttribute("query") DrillQuery query, Model model, HttpServletResponse response) {
        Optional<DashboardFilter.Scope> scope = filter.scope(accounts.require(), query.organisation());
        if (scope.isEmpty()) {
            return notFound(model, response);
        }
        model.addAttribute("scope", scope.get());
        try {
            DashboardFilter.Range range = DashboardFilter.range(query.from(), query.to(), DashboardPages.today());
            CaseDrill.Filter chosen = query.filter();
            List<Row> rows = rows(scope.get(), chosen, range, DashboardFigures.now());
            model.addAttribute("range", range);
            model.addAttribute("kind", chosen.kind().name());
            model.addAttribute("more", rows.size() > CaseDrill.LIMIT);
            model.addAttribute("limit", CaseDrill.LIMIT);
            model.addAttribute("rows", rows.stream().limit(CaseDrill.LIMIT).toList());
        } catch (BusinessRuleException invalid) {
            DashboardFilter.refused(invalid, refusals, model, response);
        }
        return "insight/dashboard-cases";
    }

    List<Row> rows(DashboardFilter.Scope scope, CaseDrill.Filter chosen, DashboardFilter.Range range, Instant now) {
        Locale locale = LocaleContextHolder.getLocale();
        var procedures = figures.procedureNames();
        return drill.lines(scope.path(), chosen, range.from(), range.to(), now).stream().map(line -> new Row(line,
                procedures.getOrDefault(line.processKey(), line.processKey()),
                figures.organisationName(line.organisationId()), MINUTE.format(line.created()),
                line.ended() == null ? "—" : MINUTE.format(line.ended()),
                Durations.text(line.waitSeconds() != null ? line.waitSeconds()
                        : Math.max(0, now.getEpochSecond() - line.created().getEpochSecond()), locale),
                links.page(line.processKey(), line.caseId()).orElse(null))).toList();
    }
}
