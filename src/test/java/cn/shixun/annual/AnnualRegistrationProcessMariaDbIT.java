package cn.shixun.annual;

import cn.shixun.MariaDbTest;

/** {@link AnnualRegistrationProcessTest} (every path, timers, the batch) on the private MariaDB. */
@MariaDbTest
class AnnualRegistrationProcessMariaDbIT extends AnnualRegistrationProcessTest {
}
