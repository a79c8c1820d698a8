package cn.shixun.countyplan.web;

import cn.shixun.MariaDbTest;

/** {@link CountyPlanFilingDemoScenarioTest} (the demo accounts through the REST API, down to the ledger) on the private MariaDB. */
@MariaDbTest
class CountyPlanFilingDemoScenarioMariaDbIT extends CountyPlanFilingDemoScenarioTest {
}
