package cn.shixun.admin.web;

import cn.shixun.admin.AdminScope;
import cn.shixun.admin.OrganisationAdministration;
import cn.shixun.admin.web.OrganisationForms.MoveForm;
import cn.shixun.admin.web.OrganisationForms.RegionForm;
import cn.shixun.admin.web.OrganisationForms.SchoolForm;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 机构管理 (docs/administration.md): the organisation tree of the administrator's scope, and the forms that
 * add a school (kind, stages, city-direct), a city or county (a province for the platform administrator)
 * and move a county school to another county. Refusals come back beside their field.
 */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationPages {

    private final OrganisationAdministration organisations;
    private final AdminScope scope;
    private final AdminForms forms;

    OrganisationPages(OrganisationAdministration organisations, AdminScope scope, AdminForms forms) {
        this.organisations = organisations;
        this.scope = scope;
        this.forms = forms;
    }

    @GetMapping
    String tree(Model model) {
        return page(scope.requireAdmin(), model);
    }

    @PostMapping("/schools")
    String createSchool(@ModelAttribute("school") SchoolForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return submit("school", SchoolForm.FIELDS, model, response, redirect, admin -> organisations.createSchool(admin,
                form.code(), form.name(), form.parentId(), form.kind(), form.ticked(), form.registrationAuthorityId()));
    }

    @PostMapping("/regions")
    String createRegion(@ModelAttribute("region") RegionForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return submit("region", RegionForm.FIELDS, model, response, redirect, admin -> organisations.createRegion(admin,
                form.code(), form.name(), form.level(), form.parentId(), form.policyProfile()));
    }

    @PostMapping("/move")
    String move(@ModelAttribute("move") MoveForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        return submit("move", MoveForm.FIELDS, model, response, redirect,
                admin -> organisations.moveSchool(admin, form.schoolId(), form.countyId()));
    }

    /** One form's step: done, back to the tree with a note naming the organisation; refused, the page with the refusal. */
    private String submit(String form, List<String> fields, Model model, HttpServletResponse response,
                          RedirectAttributes redirect, Function<CurrentAccount, Organisation> step) {
        CurrentAccount admin = scope.requireAdmin();
        try {
            Organisation done = step.apply(admin);
            redirect.addFlashAttribute("done", form);
            redirect.addFlashAttribute("doneName", done.name());
            return "redirect:/admin/organisations";
        } catch (BusinessRuleException refusal) {
            forms.refused(refusal, form, fields, model, response);
            return page(admin, model);
        }
    }

    private String page(CurrentAccount admin, Model model) {
        List<Organisation> tree = organisations.tree(admin);
        Map<Long, String> names = tree.stream().collect(Collectors.toMap(Organisation::getId, Organisation::name));
        model.addAttribute("tree", tree);
        model.addAttribute("names", names);
        model.addAttribute("depths", tree.stream().collect(Collectors.toMap(Organisation::getId, AdminForms::depth)));
        model.addAttribute("options", AdminForms.Option.of(tree));
        model.addAttribute("schools", AdminForms.Option.of(tree.stream().filter(Organisation::isSchool).toList()));
        model.addAttribute("counties", AdminForms.Option.of(levelOf(tree, OrganisationLevel.COUNTY)));
        model.addAttribute("regions", AdminForms.Option.of(tree.stream().filter(o -> !o.isSchool()).toList()));
        model.addAttribute("kinds", SchoolKind.values());
        model.addAttribute("stageChoices", Stage.values());
        model.addAttribute("levels", admin.isPlatformAdmin() ? OrganisationLevel.values()
                : new OrganisationLevel[] {OrganisationLevel.CITY, OrganisationLevel.COUNTY});
        addIfAbsent(model, "school", SchoolForm::empty);
        addIfAbsent(model, "region", RegionForm::empty);
        addIfAbsent(model, "move", MoveForm::empty);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin/organisations";
    }

    private static List<Organisation> levelOf(List<Organisation> tree, OrganisationLevel level) {
        return tree.stream().filter(o -> o.level() == level).toList();
    }

    private static void addIfAbsent(Model model, String name, java.util.function.Supplier<Object> empty) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, empty.get());
        }
    }
}
