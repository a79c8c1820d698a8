package cn.shixun.insight.bottlenecks;

import cn.shixun.MariaDbTest;

/**
 * {@link TaskWaitReadModelIT} on the private MariaDB: V190–V192 there, the backfill, and two readers closing one
 * week at once under InnoDB's locks.
 */
@MariaDbTest
class TaskWaitReadModelMariaDbIT extends TaskWaitReadModelIT {
}
