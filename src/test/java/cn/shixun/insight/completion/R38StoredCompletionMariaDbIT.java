package cn.shixun.insight.completion;

import cn.shixun.MariaDbTest;

/**
 * {@link R38StoredCompletionIT} on the private MariaDB: V195, the stale marks in the writers'
 * transactions, the row lock and the unique key under InnoDB's locking.
 */
@MariaDbTest
class R38StoredCompletionMariaDbIT extends R38StoredCompletionIT {
}
