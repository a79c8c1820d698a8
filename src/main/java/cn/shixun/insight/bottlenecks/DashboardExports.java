package cn.shixun.insight.bottlenecks;

import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.shared.web.XlsxDownload;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every table of the 管理看板 as {@code .xlsx} ({@link XlsxDownload}), with the page's scope and range. The rows
 * are grouped figures, computed here before the download starts; the case lists stop at {@link CaseDrill#LIMIT}
 * as on the page.
 */
@Controller
class DashboardExports {

    private final DashboardFilter filter;
    private final DashboardFigures figures;
    private final CaseDrillPages drill;
    private final CurrentAccounts accounts;
    private final MessageSource messages;
    private final RefusalText refusals;

    DashboardExports(DashboardFilter filter, DashboardFigures figures, CaseDrillPages drill, CurrentAccounts accounts,
                     MessageSource messages, RefusalText refusals) {
        this.filter = filter;
        this.figures = figures;
        this.drill = drill;
        this.accounts = accounts;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping("/dashboard/export/{table}.xlsx")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String table,
                                                 @ModelAttribute CaseDrillPages.DrillQuery query) {
        DashboardFilter.Scope scope = filter.scope(accounts.require(), query.organisation())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate today = DashboardPages.today();
        DashboardFilter.Range range = DashboardFilter.range(query.from(), query.to(), today);
        Locale locale = LocaleContextHolder.getLocale();
        String file = text(locale, "dashboard.export." + table + ".file", scope.name(), range.from(), range.to());
        if ("cases".equals(table)) {
            List<CaseDrillPages.Row> rows = drill.rows(scope, query.filter(), range, DashboardFigures.now()).stream()
                    .limit(CaseDrill.LIMIT).toList();
            return XlsxDownload.of(file, text(locale, "dashboard.cases.title"), headers(locale, "cases"), sink ->
                    rows.forEach(row -> sink.row(row.procedure(), row.line().caseId(), row.line().stepName(),
                            row.organisation(), row.line().created(), row.line().ended(), row.waited(),
                            row.line().outcome() == null ? null : text(locale, "dashboard.outcome." + row.line().outcome()))));
        }
        DashboardFigures.Figures shown = figures.of(scope, range, today, locale);
        XlsxDownload.Rows rows = switch (table) {
            case "open" -> sink -> shown.open().forEach(row -> sink.row(row.procedure(), row.levelLabel(),
                    row.organisation(), row.open(), row.overdue(), row.escalated()));
            case "steps" -> sink -> shown.steps().forEach(row -> sink.row(row.procedure(), row.step(),
                    row.week().count(), row.week().medianDays(), row.week().p90Days(), row.week().maxDays(),
                    row.range().count(), row.range().medianDays(), row.range().p90Days(), row.range().maxDays(),
                    row.returned(), row.decided(), row.returnRate()));
            case "organisations" -> sink -> shown.organisations().forEach(row -> sink.row(row.organisation(),
                    row.range().count(), row.range().medianDays(), row.range().p90Days(), row.range().maxDays()));
            case "weeks" -> sink -> shown.weeks().forEach(week -> sink.row(week.monday(), week.started(),
                    week.approved(), week.returned(), week.rejected()));
            case "forecast" -> sink -> shown.forecasts().forEach(county -> sink.row(county.name(), county.open(),
                    county.approvedInWindow(), county.forecast().finish(), county.deadline(),
                    text(locale, "dashboard.forecast.status." + county.forecast().status())));
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        return XlsxDownload.of(file, text(locale, "dashboard.export." + table + ".sheet"), headers(locale, table), rows);
    }

    private List<String> headers(Locale locale, String table) {
        return List.of(text(locale, "dashboard.export." + table + ".headers").split("\\|"));
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A bad range or figure before any byte is sent: the error page naming the field (400). */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView invalid(BusinessRuleException invalid) {
        Locale locale = LocaleContextHolder.getLocale();
        return ErrorPage.of(RefusalStatus.of(invalid),
                text(locale, "dashboard.field." + invalid.field()) + "：" + refusals.forReader(invalid));
    }
}
