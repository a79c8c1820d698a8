package cn.shixun.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The recent failed password sign-ins of one account name or one client address, and until when
 * password sign-in is refused for it. The counting rules are here; {@link SignInThrottle} decides
 * which rows a sign-in touches.
 */
@Entity
@Table(name = "sign_in_failure")
class SignInFailure {

    @Id
    private String subject;

    @Column(nullable = false)
    private int failures;

    @Column(name = "first_failure_at", nullable = false)
    private Instant firstFailureAt;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    /** Also tells a new row (null) from a stored one. */
    @Version
    private Long version;

    protected SignInFailure() {
        // for JPA
    }

    SignInFailure(String subject, Instant now) {
        this.subject = subject;
        this.firstFailureAt = now;
        this.lastFailureAt = now;
    }

    /**
     * A failed sign-in of this account name: consecutive failures count (older than
     * {@code accountResetAfter} they are forgotten), and from the {@code accountFailures}th on,
     * each one refuses the name for {@code accountFirstBlock}, doubled for every further one, up
     * to {@code accountMaxBlock}.
     */
    void accountFailed(Instant now, SignInThrottleSettings settings) {
        if (lastFailureAt.isBefore(now.minus(settings.accountResetAfter()))) {
            restart(now);
        }
        count(now);
        int beyond = failures - settings.accountFailures();
        if (beyond >= 0) {
            Duration block = beyond >= 30 ? settings.accountMaxBlock()
                    : settings.accountFirstBlock().multipliedBy(1L << beyond);
            blockedUntil = now.plus(block.compareTo(settings.accountMaxBlock()) > 0 ? settings.accountMaxBlock() : block);
        }
    }

    /**
     * A failed sign-in from this address: failures count in a window of {@code addressWindow}
     * from the first one; the {@code addressFailures}th within it refuses the address for
     * {@code addressBlock}.
     */
    void addressFailed(Instant now, SignInThrottleSettings settings) {
        if (firstFailureAt.isBefore(now.minus(settings.addressWindow()))) {
            restart(now);
        }
        count(now);
        if (failures >= settings.addressFailures()) {
            blockedUntil = now.plus(settings.addressBlock());
        }
    }

    /** Until when password sign-in is refused for this name or address, if it is at {@code now}. */
    Optional<Instant> blockedAt(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now) ? Optional.of(blockedUntil) : Optional.empty();
    }

    int failures() {
        return failures;
    }

    private void restart(Instant now) {
        failures = 0;
        firstFailureAt = now;
    }

    private void count(Instant now) {
        failures++;
        lastFailureAt = now;
    }
}
