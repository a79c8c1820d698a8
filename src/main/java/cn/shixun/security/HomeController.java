package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page after sign-in: a greeting, who and where the person is, and the links their role has. */
@Controller
class HomeController {

    private final CurrentAccounts currentAccounts;
    private final Organisations organisations;
    private final Teachers teachers;
    private final List<HomeLinks> homeLinks;

    HomeController(CurrentAccounts currentAccounts, Organisations organisations, Teachers teachers,
                   List<HomeLinks> homeLinks) {
        this.currentAccounts = currentAccounts;
        this.organisations = organisations;
        this.teachers = teachers;
        this.homeLinks = homeLinks;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentAccount account = currentAccounts.require();
        model.addAttribute("account", account);
        model.addAttribute("lineage", organisations.lineage(account.organisationId()).stream()
                .map(Organisation::name).toList());
        model.addAttribute("teacher", account.isTeacher() ? teachers.find(account.teacherId()).orElse(null) : null);
        model.addAttribute("links", homeLinks.stream()
                .flatMap(contributor -> contributor.linksFor(account).stream())
                .sorted(Comparator.comparingInt(HomeLink::order))
                .toList());
        return "home";
    }
}
