package cn.shixun.security;

import cn.shixun.MariaDbTest;

/** {@link SignInThrottleStorageTest} (sign-in throttling's shared counts) on the private MariaDB. */
@MariaDbTest
class SignInThrottleStorageMariaDbIT extends SignInThrottleStorageTest {
}
