package cn.shixun.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every refused request (401, 403) to the API, the engine's REST API and the pages:
 * who tried which address. It runs just outside Spring Security's filters so that it sees the
 * final status whichever layer refused (the URL rules, method security, a scope check in a
 * controller), and writes in a transaction of its own once the response is decided.
 *
 * <p>By then Spring Security has cleared the signed-in account from the thread, so the caller
 * is read where it lives between requests: the session for pages, the HTTP Basic header for
 * the API (trustworthy on a 403, which needs a valid sign-in; only "attempted" on a 401, which
 * the failed-sign-in line already records).
 */
class RefusalAuditFilter extends OncePerRequestFilter {

    static final String ACTION = "access.denied";
    private static final String BASIC = "Basic ";
    /** Static files and the Camunda webapps (which refuse their own polling before sign-in) are not audited. */
    private static final List<String> NOT_AUDITED = List.of("/css/", "/js/", "/img/", "/webjars/", "/favicon.ico",
            "/camunda/");
    private static final Logger log = LoggerFactory.getLogger(RefusalAuditFilter.class);

    private final AuditWriter writer;
    private final TransactionOperations ownTransaction;

    RefusalAuditFilter(AuditWriter writer, TransactionOperations ownTransaction) {
        this.writer = writer;
        this.ownTransaction = ownTransaction;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return NOT_AUDITED.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if ((status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN)
                    && request.getAttribute(SignInAuditListener.RECORDED) == null) {
                record(request, status);
            }
        }
    }

    private void record(HttpServletRequest request, int status) {
        String target = request.getMethod() + " " + request.getRequestURI();
        String detail = status == HttpServletResponse.SC_UNAUTHORIZED ? "HTTP 401 未登录" : "HTTP 403 无权访问";
        try {
            ownTransaction.executeWithoutResult(tx -> writer.append(caller(request), ACTION, "request", target, null,
                    detail, AuditOutcome.DENIED));
        } catch (RuntimeException failure) {
            // The refusal stands whether or not it could be written down; the log keeps it then.
            log.error("Could not record refused request {} ({})", target, status, failure);
        }
    }

    /** The username behind the request, or null when it carries none. */
    static String caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context) {
            Authentication authentication = context.getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                return authentication.getName();
            }
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? decoded.substring(0, colon) : null;
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }
}
