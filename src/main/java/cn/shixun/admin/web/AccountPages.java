package cn.shixun.admin.web;

import cn.shixun.admin.AccountAdministration;
import cn.shixun.admin.AccountAdministration.AccountRow;
import cn.shixun.admin.AccountAdministration.Handover;
import cn.shixun.admin.AdminScope;
import cn.shixun.admin.OrganisationAdministration;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 账号管理 (docs/administration.md): the accounts of the administrator's scope with search and pages, a new
 * account, and one account's page (role and organisation, password reset, disable/enable). A new account and
 * a reset get a one-time password, shown once on the account's page. Refusals come back beside their field
 * with what was typed; an account outside the scope is a 404. With Keycloak the accounts are still ours (ADR
 * 0006: the token must agree with one), but the person signs in at Keycloak, which the page says.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountPages {

    private final AccountAdministration accounts;
    private final OrganisationAdministration organisations;
    private final AdminScope scope;
    private final AdminForms forms;
    /** With Keycloak (ADR 0006) people sign in there: the page says what must be set up in Keycloak as well. */
    private final boolean keycloak;

    AccountPages(AccountAdministration accounts, OrganisationAdministration organisations, AdminScope scope,
                 AdminForms forms, Environment environment) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.scope = scope;
        this.forms = forms;
        this.keycloak = environment.acceptsProfiles(Profiles.of("keycloak"));
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentAccount admin = scope.requireAdmin();
        model.addAttribute("form", AccountForm.empty());
        return listPage(admin, q, page, model);
    }

    @PostMapping
    String open(@ModelAttribute("form") AccountForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        CurrentAccount admin = scope.requireAdmin();
        try {
            Handover handover = accounts.open(admin, form.username(), form.displayName(), form.role(),
                    form.organisationId());
            redirect.addFlashAttribute("handover", handover);
            redirect.addFlashAttribute("done", "opened");
            return "redirect:/admin/accounts/" + handover.username();
        } catch (BusinessRuleException refusal) {
            forms.refused(refusal, "open", AccountForm.FIELDS, model, response);
            return listPage(admin, null, 0, model);
        }
    }

    @GetMapping("/{username}")
    String show(@PathVariable String username, Model model) {
        CurrentAccount admin = scope.requireAdmin();
        AccountRow row = accounts.require(admin, username);
        model.addAttribute("form", new AccountForm(null, null, row.account().role(), row.account().organisationId()));
        return accountPage(admin, row, model);
    }

    @PostMapping("/{username}/reassign")
    String reassign(@PathVariable String username, @ModelAttribute("form") AccountForm form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        return act(username, "reassign", model, response, redirect,
                admin -> accounts.reassign(admin, username, form.role(), form.organisationId()));
    }

    @PostMapping("/{username}/reset-password")
    String resetPassword(@PathVariable String username, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        return act(username, "reset", model, response, redirect,
                admin -> redirect.addFlashAttribute("handover", accounts.resetPassword(admin, username)));
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return act(username, "disabled", model, response, redirect, admin -> accounts.disable(admin, username));
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return act(username, "enabled", model, response, redirect, admin -> accounts.enable(admin, username));
    }

    /** An unknown account, or one outside the scope: the error page with the refusal's status (404). */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refusedPage(BusinessRuleException refusal) {
        return ErrorPage.of(RefusalStatus.of(refusal));
    }

    private interface Step {
        void run(CurrentAccount admin);
    }

    /** One step on an account's page: done, back to the page with a note; refused, the page with the refusal. */
    private String act(String username, String done, Model model, HttpServletResponse response,
                       RedirectAttributes redirect, Step step) {
        CurrentAccount admin = scope.requireAdmin();
        AccountRow row = accounts.require(admin, username);
        try {
            step.run(admin);
            redirect.addFlashAttribute("done", done);
            return "redirect:/admin/accounts/" + username;
        } catch (BusinessRuleException refusal) {
            if (refusal.kind() == BusinessRuleException.Kind.NOT_FOUND && "username".equals(refusal.field())) {
                throw refusal;
            }
            forms.refused(refusal, done, AccountForm.FIELDS, model, response);
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", new AccountForm(null, null, row.account().role(),
                        row.account().organisationId()));
            }
            return accountPage(admin, row, model);
        }
    }

    private String listPage(CurrentAccount admin, String q, int page, Model model) {
        Page<AccountRow> found = accounts.search(admin, q, page);
        model.addAttribute("page", found);
        model.addAttribute("q", q);
        return withChoices(admin, model, "admin/accounts");
    }

    private String accountPage(CurrentAccount admin, AccountRow row, Model model) {
        model.addAttribute("row", row);
        model.addAttribute("self", row.account().username().equals(admin.username()));
        return withChoices(admin, model, "admin/account");
    }

    private String withChoices(CurrentAccount admin, Model model, String view) {
        List<Role> roles = Arrays.stream(Role.values()).filter(role -> role != Role.TEACHER).toList();
        model.addAttribute("roles", roles);
        model.addAttribute("options", AdminForms.Option.of(organisations.tree(admin)));
        model.addAttribute("platform", admin.isPlatformAdmin());
        model.addAttribute("keycloak", keycloak);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return view;
    }
}
