package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page after sign-in: a greeting, who and where the person is, and the links their role has. */
@Controller
class HomeController {

    private final CurrentAccounts currentAccounts;
    private final Organisations organisations;
    private final Teachers teachers;
    private final AccountLinks links;

    HomeController(CurrentAccounts currentAccounts, Organisations organisations, Teachers teachers,
                   AccountLinks links) {
        this.currentAccounts = currentAccounts;
        this.organisations = organisations;
        this.teachers = teachers;
        this.links = links;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentAccount account = currentAccounts.require();
        model.addAttribute("account", account);
        model.addAttribute("lineage", organisations.lineage(account.organisationId()).stream()
                .map(Organisation::name).toList());
        model.addAttribute("teacher", account.isTeacher() ? teachers.find(account.teacherId()).orElse(null) : null);
        model.addAttribute("links", links.of(account));
        return "home";
    }
}
