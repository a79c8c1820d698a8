package cn.shixun.cycleverification;

import cn.shixun.MariaDbTest;

/** {@link CycleVerificationWorkersTest} on the private MariaDB: its row locks, not H2's, keep two workers apart. */
@MariaDbTest
class CycleVerificationWorkersMariaDbIT extends CycleVerificationWorkersTest {
}
