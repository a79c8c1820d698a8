package cn.shixun.audit;

import cn.shixun.security.SignInBlockedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
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
        String attempted = event.getAuthentication().getName();
        String username = attempted == null || attempted.isBlank() ? AuditWriter.ANONYMOUS : attempted.strip();
        Exception failure = event.getException();
        writer.append(username, SIGN_IN_FAILED, "account", username, null, reason(failure),
                failure instanceof SignInBlockedException ? AuditOutcome.BLOCKED : AuditOutcome.FAILED);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        log.info("Failed sign-in for '{}': {}", username, failure.getClass().getSimpleName());
    }

    /** Why, without saying whether the account exists (Spring reports an unknown user as bad credentials). */
    private static String reason(Exception failure) {
        if (failure instanceof SignInBlockedException blocked) {
            return "登录失败次数过多，暂停登录至 " + blocked.blockedUntil() + "（未核对密码）";
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
