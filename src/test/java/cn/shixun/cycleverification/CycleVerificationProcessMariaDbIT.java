package cn.shixun.cycleverification;

import cn.shixun.MariaDbTest;

/** {@link CycleVerificationProcessTest} (every path: four levels, batches, returns, rejections, timers, certificate) on the private MariaDB. */
@MariaDbTest
class CycleVerificationProcessMariaDbIT extends CycleVerificationProcessTest {
}
