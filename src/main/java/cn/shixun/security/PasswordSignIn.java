package cn.shixun.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Local accounts (ADR 0003): HTTP Basic on the APIs, our login form on the pages. The Camunda webapps
 * take a person signed in here as they are ({@link WebappSingleSignOn}, ADR 0014) and keep their own
 * login for anyone else, checked against the same accounts (ADR 0004).
 */
@Component
@Profile("!keycloak")
class PasswordSignIn implements SignIn {

    private final SecurityProblems problems;

    PasswordSignIn(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    public void api(HttpSecurity http) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
    }

    @Override
    public void pages(HttpSecurity http) throws Exception {
        http.formLogin(form -> form
                        .loginPage(SecurityConfiguration.LOGIN_PAGE)
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new RememberUsernameOnFailure(SecurityConfiguration.LOGIN_PAGE + "?error")))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl(SecurityConfiguration.LOGIN_PAGE + "?logout"));
    }

    @Override
    public void camundaWebapps(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    }

    private static final class RememberUsernameOnFailure extends SimpleUrlAuthenticationFailureHandler {

        RememberUsernameOnFailure(String failureUrl) {
            super(failureUrl);
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException failure) throws IOException, ServletException {
            request.getSession().setAttribute(SecurityConfiguration.LAST_USERNAME, request.getParameter("username"));
            super.onAuthenticationFailure(request, response, failure);
        }
    }
}
