package cn.shixun.admin.web;

import cn.shixun.admin.AdminScope;
import cn.shixun.admin.OrganisationAdministration;
import cn.shixun.admin.ProviderAdministration;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 培训机构 (docs/administration.md, R-06): the register of training providers, a new one, and withdrawing or
 * reinstating those the administrator keeps ({@link ProviderAdministration#keeps}).
 */
@Controller
@RequestMapping("/admin/providers")
class ProviderPages {

    /**
     * A new provider: name, kind, whether it runs 国培 programmes (an unticked box sends nothing, hence the
     * wrapper), and a county training school's county.
     */
    record ProviderForm(String name, ProviderKind kind, Boolean guopeiQualified, Long countyId) {

        static final List<String> FIELDS = List.of("name", "kind", "countyId");

        boolean guopei() {
            return Boolean.TRUE.equals(guopeiQualified);
        }
    }

    private final ProviderAdministration providers;
    private final OrganisationAdministration organisations;
    private final AdminScope scope;
    private final AdminForms forms;

    ProviderPages(ProviderAdministration providers, OrganisationAdministration organisations, AdminScope scope,
                  AdminForms forms) {
        this.providers = providers;
        this.organisations = organisations;
        this.scope = scope;
        this.forms = forms;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", new ProviderForm(null, null, null, null));
        return page(scope.requireAdmin(), model);
    }

    @PostMapping
    String register(@ModelAttribute("form") ProviderForm form, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        CurrentAccount admin = scope.requireAdmin();
        try {
            TrainingProvider provider = providers.register(admin, form.name(), form.kind(), form.guopei(),
                    form.countyId());
            return done(redirect, "registered", provider);
        } catch (BusinessRuleException refusal) {
            forms.refused(refusal, "register", ProviderForm.FIELDS, model, response);
            return page(admin, model);
        }
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable Long id, RedirectAttributes redirect) {
        return done(redirect, "withdrawn", providers.withdraw(scope.requireAdmin(), id));
    }

    @PostMapping("/{id}/reinstate")
    String reinstate(@PathVariable Long id, RedirectAttributes redirect) {
        return done(redirect, "reinstated", providers.reinstate(scope.requireAdmin(), id));
    }

    /** A provider that is unknown or not the administrator's to keep: the error page (404). */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refusedPage(BusinessRuleException refusal) {
        return ErrorPage.of(RefusalStatus.of(refusal));
    }

    private static String done(RedirectAttributes redirect, String what, TrainingProvider provider) {
        redirect.addFlashAttribute("done", what);
        redirect.addFlashAttribute("doneName", provider.name());
        return "redirect:/admin/providers";
    }

    private String page(CurrentAccount admin, Model model) {
        List<Organisation> tree = organisations.tree(admin);
        List<TrainingProvider> all = providers.all();
        model.addAttribute("providers", all);
        model.addAttribute("kept", all.stream().filter(p -> providers.keeps(admin, p)).map(TrainingProvider::getId)
                .collect(Collectors.toSet()));
        model.addAttribute("countyNames", tree.stream().filter(o -> o.level() == OrganisationLevel.COUNTY)
                .collect(Collectors.toMap(Organisation::getId, Organisation::name)));
        model.addAttribute("counties", AdminForms.Option.of(tree.stream()
                .filter(o -> o.level() == OrganisationLevel.COUNTY).toList()));
        model.addAttribute("kinds", ProviderKind.values());
        model.addAttribute("platform", admin.isPlatformAdmin());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin/providers";
    }
}
