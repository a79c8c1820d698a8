package cn.shixun.ledger;

import cn.shixun.MariaDbTest;

/** {@link LedgerRegistrationTest} (registration, corrections, imports, every calculator refusal and the R-17 race) on the private MariaDB. */
@MariaDbTest
class LedgerRegistrationMariaDbIT extends LedgerRegistrationTest {
}
