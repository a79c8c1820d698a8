package cn.shixun.security;

import cn.shixun.MariaDbTest;

/** {@link AccountsTest} (accounts) on the private MariaDB. */
@MariaDbTest
class AccountsMariaDbIT extends AccountsTest {
}
