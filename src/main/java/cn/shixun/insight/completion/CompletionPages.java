package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 学时完成情况: the table of an organisation with drill-down to its regions and schools,
 * a school's short teachers with links to their hours, and a manager's "take the year-end
 * snapshot" action. Refusals are rendered by {@link CompletionPageErrors}.
 */
@Controller
class CompletionPages {

    private final CompletionScope scope;
    private final CompletionTables tables;
    private final CompletionSnapshots snapshots;
    private final Organisations organisations;
    private final Clock clock;

    CompletionPages(CompletionScope scope, CompletionTables tables, CompletionSnapshots snapshots,
                    Organisations organisations, Clock clock) {
        this.scope = scope;
        this.tables = tables;
        this.snapshots = snapshots;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/dashboard/completion")
    String table(@RequestParam(required = false) Long org, @RequestParam(required = false) String year,
                 @RequestParam(required = false) String basis, Model model) {
        CompletionScope.Request request = scope.request(org, year, basis);
        CompletionView view = request.view();
        if (request.organisation().isSchool()) {
            return "redirect:" + schoolPath(request.organisation().getId(), view);
        }
        common(model, request.viewer(), request.organisation(), view);
        model.addAttribute("table", tables.table(request.organisation(), view, request.own()));
        model.addAttribute("mayTakeSnapshots", scope.takesSnapshots(request.viewer()));
        return "completion/table";
    }

    @GetMapping("/dashboard/completion/schools/{schoolId}")
    String school(@PathVariable Long schoolId, @RequestParam(required = false) String year,
                  @RequestParam(required = false) String basis, Model model) {
        CompletionScope.Request request = scope.schoolRequest(schoolId, year, basis);
        CompletionView view = request.view();
        SchoolResult result = tables.school(schoolId, view);
        common(model, request.viewer(), request.organisation(), view);
        model.addAttribute("school", request.organisation());
        model.addAttribute("result", result);
        model.addAttribute("flagged", view.flags(result.figures()));
        return "completion/school";
    }

    @PostMapping("/dashboard/completion/snapshots")
    String takeSnapshots(@RequestParam(required = false) String year, RedirectAttributes redirect) {
        CurrentAccount viewer = scope.viewer();
        if (!scope.takesSnapshots(viewer)) {
            throw new AccessDeniedException(viewer.username() + " takes no snapshots");
        }
        Organisation own = scope.organisation(viewer, null);
        CompletionView view = CompletionView.of(year, Basis.YEAR.name(), LocalDate.now(clock));
        CompletionSnapshots.Taken taken = snapshots.take(view.year(),
                tables.schoolsOf(own, true).stream().map(Organisation::getId).toList(), viewer.username());
        redirect.addFlashAttribute("taken", taken);
        return "redirect:/dashboard/completion?year=" + view.year();
    }

    private void common(Model model, CurrentAccount viewer, Organisation organisation, CompletionView view) {
        List<Organisation> trail = organisations.lineage(organisation.getId()).stream()
                .filter(o -> scope.covers(viewer, o)).toList();
        model.addAttribute("organisation", organisation);
        model.addAttribute("trail", trail);
        model.addAttribute("view", view);
        model.addAttribute("today", LocalDate.now(clock));
    }

    static String schoolPath(Long schoolId, CompletionView view) {
        return UriComponentsBuilder.fromPath("/dashboard/completion/schools/{id}").queryParam("year", view.year())
                .queryParam("basis", view.basis().name()).buildAndExpand(schoolId).toUriString();
    }
}
