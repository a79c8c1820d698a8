package cn.shixun.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The figures of sign-in throttling ({@code shixun.sign-in.throttle.*}, docs/operations.md).
 *
 * @param accountFailures   consecutive failures of one account name after which its password sign-in is refused
 * @param accountFirstBlock how long it is refused after the {@code accountFailures}th failure; each
 *                          further failure after a refusal ends doubles it
 * @param accountMaxBlock   the longest an account name is refused at a time
 * @param accountResetAfter failures of an account name older than this are forgotten (so is a run ended by a success)
 * @param addressFailures   failures from one client address within {@code addressWindow} after which that
 *                          address is refused for every account name
 * @param addressWindow     the window that {@code addressFailures} counts in, from its first failure
 * @param addressBlock      how long such an address is refused
 */
@ConfigurationProperties("shixun.sign-in.throttle")
record SignInThrottleSettings(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("PT1M") Duration accountFirstBlock,
        @DefaultValue("PT15M") Duration accountMaxBlock,
        @DefaultValue("PT24H") Duration accountResetAfter,
        @DefaultValue("30") int addressFailures,
        @DefaultValue("PT10M") Duration addressWindow,
        @DefaultValue("PT15M") Duration addressBlock) {

    SignInThrottleSettings {
        if (accountFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("shixun.sign-in.throttle: account-failures and address-failures must be at least 1");
        }
        for (Duration period : new Duration[] {accountFirstBlock, accountMaxBlock, accountResetAfter, addressWindow,
                addressBlock}) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("shixun.sign-in.throttle: every period must be positive, not " + period);
            }
        }
        if (accountMaxBlock.compareTo(accountFirstBlock) < 0) {
            throw new IllegalArgumentException("shixun.sign-in.throttle: account-max-block is shorter than account-first-block");
        }
    }

    /** How long a row must be kept: after that, a failure on it counts for nothing any more. */
    Duration retention() {
        Duration longest = accountResetAfter;
        for (Duration period : new Duration[] {addressWindow, accountMaxBlock, addressBlock}) {
            longest = period.compareTo(longest) > 0 ? period : longest;
        }
        return longest;
    }
}
