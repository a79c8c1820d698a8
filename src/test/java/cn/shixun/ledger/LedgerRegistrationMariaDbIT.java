package cn.shixun.ledger;

import cn.shixun.MariaDbTest;

/** {@link LedgerRegistrationTest} (registration, registering once per source, corrections, imports, every calculator refusal and the R-17 and register-once races) on the private MariaDB. */
@MariaDbTest
class LedgerRegistrationMariaDbIT extends LedgerRegistrationTest {
}
