package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which row a sign-in counts on: names as the account table matches them, addresses as a client holds them. */
class SignInThrottleTest {

    @Test
    void aNameCountsWhateverItsCaseWidthAccentsOrInvisibleCharacters() {
        // MySQL/MariaDB's utf8mb4 collations find account "teacher" for each of these
        assertThat(SignInThrottle.accountKey("teacher")).isEqualTo("account:teacher");
        assertThat(SignInThrottle.accountKey(" TEACHER ")).isEqualTo("account:teacher");
        assertThat(SignInThrottle.accountKey("ｔｅａｃｈｅｒ")).isEqualTo("account:teacher");
        assertThat(SignInThrottle.accountKey("téacher")).isEqualTo("account:teacher");
        assertThat(SignInThrottle.accountKey("tea\u200bcher")).isEqualTo("account:teacher");
        assertThat(SignInThrottle.accountKey("张老师")).isEqualTo("account:张老师");
        assertThat(SignInThrottle.accountKey(null)).isEqualTo("account:");
    }

    @Test
    void aVeryLongNameIsCountedUnderItsHash_withinTheColumn() {
        String key = SignInThrottle.accountKey("x".repeat(10_000));
        assertThat(key).startsWith("account:sha256:").hasSizeLessThanOrEqualTo(160);
        assertThat(SignInThrottle.accountKey("X".repeat(10_000))).isEqualTo(key);
    }

    @Test
    void anIpv6ClientCountsForItsWholeSlash64_anIpv4ClientForItsAddress() {
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(SignInThrottle.addressKey("2001:db8:1:2::1"))
                .isEqualTo("address:2001:db8:1:2:0:0:0:0/64");
        assertThat(SignInThrottle.addressKey("2001:db8:1:3::1")).isNotEqualTo(SignInThrottle.addressKey("2001:db8:1:2::1"));
        assertThat(SignInThrottle.addressKey("203.0.113.7")).isEqualTo("address:203.0.113.7");
        assertThat(SignInThrottle.addressKey("::ffff:203.0.113.7")).isEqualTo("address:203.0.113.7");
        assertThat(SignInThrottle.addressKey(null)).isNull();
    }
}
