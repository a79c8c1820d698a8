package cn.shixun.processowner.migration;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.web.BatchProgress;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * 迁移运行中的案件: the plan page (what moves where, what stays, what cannot — shown before anything
 * moves, with a choice of target version), 执行迁移, and the migration's progress, which refreshes
 * itself by htmx while the engine's batch runs. A refused plan is shown on the plan page with its
 * reason (HTTP 422/404), and nothing is started.
 */
@Controller
@RequestMapping("/process-owner/migrations")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class MigrationPages {

    private final CaseMigrations migrations;
    private final RefusalText refusals;
    private final MessageSource messages;

    MigrationPages(CaseMigrations migrations, RefusalText refusals, MessageSource messages) {
        this.migrations = migrations;
        this.refusals = refusals;
        this.messages = messages;
    }

    @GetMapping("/new")
    String plan(@RequestParam(required = false) String source, @RequestParam(required = false) String target, Model model,
                HttpServletResponse response) {
        model.addAttribute("sourceId", source);
        model.addAttribute("targetId", target);
        try {
            model.addAttribute("targets", source == null || source.isBlank() ? List.of() : migrations.targetsFor(source));
            model.addAttribute("plan", migrations.preview(source, target));
        } catch (BusinessRuleException refused) {
            response.setStatus(RefusalStatus.of(refused).value());
            model.addAttribute("refusal", refusals.forReader(refused));
        }
        return "processowner/migration-plan";
    }

    /** 执行迁移: the plan is built again from the two versions and executed, or refused with the plan page. */
    @PostMapping
    String execute(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
                   Model model, HttpServletResponse response) {
        try {
            return "redirect:/process-owner/migrations/" + migrations.start(source, target);
        } catch (BusinessRuleException refused) {
            String page = plan(source, target, model, response);
            response.setStatus(RefusalStatus.of(refused).value());
            model.addAttribute("refusal", refusals.forReader(refused));
            return page;
        }
    }

    @GetMapping("/{id}")
    String progress(@PathVariable long id, Model model) {
        CaseMigrations.Progress progress = migrations.progress(id);
        model.addAttribute("migration", progress);
        model.addAttribute("batchProgress", new BatchProgress("/process-owner/migrations/" + id,
                progress.completed(), progress.cases(),
                // Polled while the batch lives, until every job left has failed: those wait for someone to retry them.
                progress.running() && (progress.failed() == 0 || progress.remaining() > progress.failed()),
                progress.failed() > 0, List.of(
                        new BatchProgress.Count(text("migration.progress.completed"), progress.completed()),
                        new BatchProgress.Count(text("migration.progress.remaining"), progress.remaining()),
                        new BatchProgress.Count(text("migration.progress.failed"), progress.failed())), false));
        return "processowner/migration";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** An unknown migration: the "page not found" page. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refused(BusinessRuleException refusal) {
        return ErrorPage.of(RefusalStatus.of(refusal));
    }
}
