package cn.shixun.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls {@code /engine-rest} (ADR 0005): the account Spring Security
 * authenticated, with its groups, so that engine authorization limits the answer to the
 * caller's tasks. Runs after the security filter chain. A call without an account is refused
 * here: an engine call without an authenticated user would bypass every authorization check.
 */
class EngineRestAuthentication extends OncePerRequestFilter {

    private final CurrentAccounts currentAccounts;
    private final EngineDirectory directory;
    private final IdentityService identityService;
    private final SecurityProblems problems;

    EngineRestAuthentication(CurrentAccounts currentAccounts, EngineDirectory directory, IdentityService identityService,
                             SecurityProblems problems) {
        this.currentAccounts = currentAccounts;
        this.directory = directory;
        this.identityService = identityService;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<EngineDirectory.Member> member = currentAccounts.current()
                .flatMap(account -> directory.member(account.username()));
        if (member.isEmpty()) {
            problems.handle(request, response, new AccessDeniedException("no engine user for this request"));
            return;
        }
        identityService.setAuthentication(member.get().username(), List.copyOf(member.get().groupIds()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
