package cn.shixun.policy;

import cn.shixun.MariaDbTest;

/** {@link PolicyVersionsTest} on the private MariaDB: V150, the catalogue's lock and the publication's SQL there. */
@MariaDbTest
class PolicyVersionsMariaDbIT extends PolicyVersionsTest {
}
