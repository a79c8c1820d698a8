package cn.shixun.security;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security's form login handles the POST. With single sign-on
 * (Keycloak) it has no form, only a link there, and says why a sign-in failed or that one signed out.
 */
@Controller
class LoginController {

    private final Accounts accounts;
    private final boolean demoData;
    private final String singleSignOnPath;

    LoginController(Accounts accounts, @Value("${shixun.demo-data.enabled:false}") boolean demoData, SignIn signIn) {
        this.accounts = accounts;
        this.demoData = demoData;
        this.singleSignOnPath = signIn.singleSignOnPath();
    }

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("singleSignOnPath", singleSignOnPath);
        model.addAttribute("errorKey", singleSignOnPath != null ? "login.error.sso-account"
                : failure instanceof SignInBlockedException ? "login.error.blocked"
                : failure instanceof DisabledException ? "login.error.disabled" : "login.error.bad-credentials");
        model.addAttribute("blockedUntil", failure instanceof SignInBlockedException blocked
                ? SecurityProblems.beijingTime(blocked) : null);
        model.addAttribute("lastUsername", session.getAttribute(SecurityConfiguration.LAST_USERNAME));
        model.addAttribute("demoAccounts", demoData ? demoAccounts() : List.of());
        return "login";
    }

    private List<CurrentAccount> demoAccounts() {
        return DemoAccounts.USERNAMES.stream().map(accounts::find).flatMap(Optional::stream).toList();
    }
}
