package cn.shixun.countyplan;

import cn.shixun.MariaDbTest;

/** {@link CountyPlanFilingProcessTest} (every path of the process, its timers and the ledger step) on the private MariaDB. */
@MariaDbTest
class CountyPlanFilingProcessMariaDbIT extends CountyPlanFilingProcessTest {
}
