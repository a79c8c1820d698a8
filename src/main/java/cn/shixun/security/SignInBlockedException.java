package cn.shixun.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * Password sign-in refused for a while after too many failures of the account name or from the
 * client address ({@link SignInThrottle}), before the password was even looked at: it says
 * nothing about whether the account exists or the password was right. A {@link LockedException}
 * so that no other authentication provider is asked instead.
 */
public class SignInBlockedException extends LockedException {

    private final transient Instant blockedUntil;
    private final transient Duration retryAfter;

    SignInBlockedException(Instant blockedUntil, Duration retryAfter) {
        super("password sign-in blocked until " + blockedUntil);
        this.blockedUntil = blockedUntil;
        this.retryAfter = retryAfter;
    }

    public Instant blockedUntil() {
        return blockedUntil;
    }

    /** Whole seconds to wait, at least one (for {@code Retry-After}). */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }
}
