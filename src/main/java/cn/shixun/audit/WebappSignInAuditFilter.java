package cn.shixun.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Sign-ins to the Camunda webapps with their own login form ({@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}}), good and bad, like ours
 * ({@link SignInAuditListener}): that login checks the password in the engine, where Spring
 * Security's events do not reach. The name is read from the form after the webapp has read it
 * (the body is cached as it goes by), and the outcome from the status it answered.
 */
class WebappSignInAuditFilter extends OncePerRequestFilter {

    /** Where the filter is registered; {@link #LOGIN_PATH} picks the logins out (a servlet pattern has no inner wildcard). */
    static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";
    /** The webapps' login, for any engine name; group 1 is the webapp. */
    private static final Pattern LOGIN_PATH = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/([^/]+)/?");
    private static final Logger log = LoggerFactory.getLogger(WebappSignInAuditFilter.class);

    private final AuditWriter writer;
    private final TransactionOperations ownTransaction;

    WebappSignInAuditFilter(AuditWriter writer, TransactionOperations ownTransaction) {
        this.writer = writer;
        this.ownTransaction = ownTransaction;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, 8 * 1024);
        try {
            chain.doFilter(cached, response);
        } finally {
            record(cached, response.getStatus());
        }
    }

    private void record(ContentCachingRequestWrapper request, int status) {
        if (request.getAttribute(SignInAuditListener.RECORDED) != null) {
            // Already recorded on the way, e.g. refused unchecked by sign-in throttling (outcome BLOCKED).
            return;
        }
        Matcher login = LOGIN_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String app = login.matches() ? login.group(1) : "";
        String typed = username(new String(request.getContentAsByteArray(), StandardCharsets.UTF_8));
        String username = typed == null || typed.isBlank() ? AuditWriter.ANONYMOUS : typed.strip();
        boolean ok = status == HttpServletResponse.SC_OK;
        String detail = "Camunda " + app + (ok ? "" : status == HttpServletResponse.SC_FORBIDDEN
                ? "：无权使用该应用" : "：用户名或密码错误");
        try {
            ownTransaction.executeWithoutResult(tx -> writer.append(username,
                    ok ? SignInAuditListener.SIGN_IN : SignInAuditListener.SIGN_IN_FAILED, "account", username, null,
                    detail, ok ? AuditOutcome.SUCCESS : AuditOutcome.FAILED));
        } catch (RuntimeException failure) {
            log.error("Could not record the Camunda {} sign-in of '{}' ({})", app, username, status, failure);
        }
    }

    /** The {@code username} field of a form-encoded body, or null. */
    static String username(String form) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "username".equals(pair.substring(0, equals))) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
