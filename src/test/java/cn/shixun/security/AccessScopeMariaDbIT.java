package cn.shixun.security;

import cn.shixun.MariaDbTest;

/** {@link AccessScopeTest} (path-based scope) on the private MariaDB. */
@MariaDbTest
class AccessScopeMariaDbIT extends AccessScopeTest {
}
