package cn.shixun.insight.bottlenecks;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessDate;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.BpmnIoAssets;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 管理看板 (issue 13): the figures of {@link DashboardFigures} for the reader's scope, each drilling down to its
 * cases ({@link #cases}), and the procedure's model for the heatmap. Bad dates are a 400 naming the field; an
 * organisation outside the scope a 404.
 */
@Controller
class DashboardPages {

    /** The query parameters every dashboard address takes. */
    record Query(String organisation, String from, String to, String procedure) {
    }

    private final DashboardFilter filter;
    private final DashboardFigures figures;
    private final CurrentAccounts accounts;
    private final Organisations organisations;
    private final RefusalText refusals;
    private final BpmnIoAssets assets;
    private final RepositoryService repository;

    DashboardPages(DashboardFilter filter, DashboardFigures figures, CurrentAccounts accounts, Organisations organisations,
                   RefusalText refusals, BpmnIoAssets assets, RepositoryService repository) {
        this.filter = filter;
        this.figures = figures;
        this.accounts = accounts;
        this.organisations = organisations;
        this.refusals = refusals;
        this.assets = assets;
        this.repository = repository;
    }

    @GetMapping("/dashboard")
    String dashboard(@ModelAttribute("query") Query query, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        Optional<DashboardFilter.Scope> scope = filter.scope(account, query.organisation());
        if (scope.isEmpty()) {
            return notFound(model, response);
        }
        LocalDate today = today();
        model.addAttribute("scope", scope.get());
        model.addAttribute("units", organisations.children(account.organisationId()));
        model.addAttribute("own", organisations.find(account.organisationId()).orElseThrow());
        try {
            DashboardFilter.Range range = DashboardFilter.range(query.from(), query.to(), today);
            DashboardFigures.Figures shown = figures.of(scope.get(), range, today, LocaleContextHolder.getLocale());
            model.addAttribute("figures", shown);
            model.addAttribute("heatmap", heatmapProcedure(query.procedure(), shown));
        } catch (BusinessRuleException invalid) {
            DashboardFilter.refused(invalid, refusals, model, response);
        }
        model.addAttribute("bpmnJs", assets.path("bpmn-js"));
        model.addAttribute("echarts", assets.path("echarts"));
        return "insight/dashboard";
    }

    /** The BPMN of a procedure's latest version, for the heatmap. */
    @GetMapping(value = "/dashboard/procedures/{key}/model", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> model(@PathVariable String key) throws IOException {
        if (!DashboardFilter.mayRead(accounts.require())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        if (latest == null) {
            return ResponseEntity.notFound().build();
        }
        try (InputStream xml = repository.getProcessModel(latest.getId())) {
            return ResponseEntity.ok(new String((xml == null ? new ByteArrayInputStream(new byte[0]) : xml).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    static LocalDate today() {
        return LocalDate.ofInstant(DashboardFigures.now(), BusinessDate.ZONE);
    }

    /** The procedure asked for, else the one of the slowest step, else none. */
    private static String heatmapProcedure(String asked, DashboardFigures.Figures shown) {
        if (asked != null && shown.procedures().containsKey(asked)) {
            return asked;
        }
        DashboardFigures.StepRow slowest = shown.slowest();
        return slowest == null ? null : slowest.procedureKey();
    }
}
