package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counting rules of sign-in throttling ({@link SignInFailure}) with the default figures, on a clock that tests move. */
class SignInFailureTest {

    private static final SignInThrottleSettings DEFAULTS = new SignInThrottleSettings(5, Duration.ofMinutes(1),
            Duration.ofMinutes(15), Duration.ofHours(24), 30, Duration.ofMinutes(10), Duration.ofMinutes(15));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T02:00:00Z"));

    @Test
    void fourFailuresOfANameBlockNothing_theFifthBlocksItForAMinute() {
        SignInFailure name = new SignInFailure("account:teacher", clock.instant());
        for (int i = 0; i < 4; i++) {
            name.accountFailed(clock.instant(), DEFAULTS);
            assertThat(name.blockedAt(clock.instant())).as("after failure %d", i + 1).isEmpty();
        }
        name.accountFailed(clock.instant(), DEFAULTS);
        assertThat(name.blockedAt(clock.instant())).contains(clock.instant().plus(Duration.ofMinutes(1)));

        clock.moveOn(Duration.ofSeconds(59));
        assertThat(name.blockedAt(clock.instant())).as("still blocked a second before the end").isPresent();
        clock.moveOn(Duration.ofSeconds(1));
        assertThat(name.blockedAt(clock.instant())).as("free again when the minute is over").isEmpty();
    }

    @Test
    void eachFailureAfterABlockDoublesTheNextOne_upToFifteenMinutes() {
        SignInFailure name = new SignInFailure("account:teacher", clock.instant());
        List<Duration> blocks = new ArrayList<>();
        for (int failure = 1; failure <= 10; failure++) {
            name.accountFailed(clock.instant(), DEFAULTS);
            name.blockedAt(clock.instant()).ifPresent(until -> {
                Duration block = Duration.between(clock.instant(), until);
                blocks.add(block);
                clock.moveOn(block);
            });
        }
        assertThat(blocks).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 15L, 15L);
    }

    @Test
    void aNamesFailuresOlderThanADayAreForgotten() {
        SignInFailure name = new SignInFailure("account:teacher", clock.instant());
        for (int i = 0; i < 4; i++) {
            name.accountFailed(clock.instant(), DEFAULTS);
        }
        clock.moveOn(Duration.ofHours(24).plusSeconds(1));
        name.accountFailed(clock.instant(), DEFAULTS);
        assertThat(name.blockedAt(clock.instant())).as("one failure today, four forgotten").isEmpty();
        assertThat(name.failures()).isEqualTo(1);
    }

    @Test
    void thirtyFailuresFromOneAddressWithinTenMinutesBlockItForFifteen() {
        SignInFailure address = new SignInFailure("address:203.0.113.7", clock.instant());
        for (int i = 0; i < 29; i++) {
            address.addressFailed(clock.instant(), DEFAULTS);
            clock.moveOn(Duration.ofSeconds(20));
        }
        assertThat(address.blockedAt(clock.instant())).as("29 failures in under 10 minutes").isEmpty();
        address.addressFailed(clock.instant(), DEFAULTS);
        assertThat(address.blockedAt(clock.instant())).contains(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void anAddressWhoseFailuresAreSpreadOverSeveralWindowsIsNotBlocked() {
        SignInFailure address = new SignInFailure("address:203.0.113.7", clock.instant());
        for (int i = 0; i < 60; i++) {
            address.addressFailed(clock.instant(), DEFAULTS);
            assertThat(address.blockedAt(clock.instant())).as("failure %d", i + 1).isEmpty();
            clock.moveOn(Duration.ofSeconds(30));
        }
    }
}
