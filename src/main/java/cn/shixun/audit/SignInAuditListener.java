package cn.shixun.audit;

import cn.shixun.security.SignInBlockedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Sign-ins and failed sign-ins from Spring Security's authentication events, each in a
 * transaction of its own. Only interactive sign-ins count as sign-ins (the login form, later
 * OIDC); the API authenticates every stateless request, and those successes are not sign-ins.
 * Failures count everywhere: a wrong password on the API is a failed sign-in too, and so is an
 * attempt refused unchecked by sign-in throttling (outcome {@link AuditOutcome#BLOCKED}).
 */
@Component
class SignInAuditListener {

    static final String SIGN_IN = "auth.sign-in";
    static final String SIGN_IN_FAILED = "auth.sign-in-failed";
    /** Request attribute: this request's refusal is already on record (a failed sign-in, a refused engine call). */
    static final String RECORDED = SignInAuditListener.class.getName() + ".recorded";

    /** The actor of a failed sign-in with a bearer token: this, then the token's fingerprint. */
    static final String BEARER_TOKEN_PREFIX = "bearer-token:";

    private static final Logger log = LoggerFactory.getLogger(SignInAuditListener.class);

    private final AuditWriter writer;

    SignInAuditListener(AuditWriter writer) {
        this.writer = writer;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        writer.append(username, SIGN_IN, "account", username, null, null, AuditOutcome.SUCCESS);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = attempted(event.getAuthentication());
        Exception failure = event.getException();
        writer.append(username, SIGN_IN_FAILED, "account", username, null, reason(failure),
                failure instanceof SignInBlockedException ? AuditOutcome.BLOCKED : AuditOutcome.FAILED);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        log.info("Failed sign-in for '{}': {}", username, failure.getClass().getSimpleName());
    }

    /**
     * Who tried. A refused bearer token names nobody we could trust (its claims are unverified),
     * and is itself a credential that must stay out of the trail and the log: it is recorded by a
     * short fingerprint, so that repeated attempts with one token can still be told apart.
     */
    static String attempted(Authentication authentication) {
        if (authentication instanceof BearerTokenAuthenticationToken bearer) {
            return BEARER_TOKEN_PREFIX + fingerprint(bearer.getToken());
        }
        String name = authentication.getName();
        return name == null || name.isBlank() ? AuditWriter.ANONYMOUS : name.strip();
    }

    private static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }

    /** Why, without saying whether the account exists (Spring reports an unknown user as bad credentials). */
    private static String reason(Exception failure) {
        if (failure instanceof SignInBlockedException blocked) {
            return "登录失败次数过多，暂停登录至 " + blocked.blockedUntil() + "（未核对密码）";
        }
        if (failure instanceof OAuth2AuthenticationException) {
            return "令牌无效或已过期";
        }
        if (failure instanceof DisabledException) {
            return "账号已停用";
        }
        if (failure instanceof LockedException) {
            return "账号已锁定";
        }
        if (failure instanceof AccountExpiredException || failure instanceof CredentialsExpiredException) {
            return "账号或密码已过期";
        }
        return "用户名或密码错误";
    }
}
