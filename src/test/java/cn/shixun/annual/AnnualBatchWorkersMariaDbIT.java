package cn.shixun.annual;

import cn.shixun.MariaDbTest;

/** {@link AnnualBatchWorkersTest} on the private MariaDB: its row locks, not H2's, keep two workers apart. */
@MariaDbTest
class AnnualBatchWorkersMariaDbIT extends AnnualBatchWorkersTest {
}
