package cn.shixun.ledger.web;

import cn.shixun.MariaDbTest;

/** {@link LedgerApiTest} (the ledger API through MockMvc, security on) on the private MariaDB. */
@MariaDbTest
class LedgerApiMariaDbIT extends LedgerApiTest {
}
