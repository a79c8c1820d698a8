package cn.shixun.exemption.web;

import cn.shixun.MariaDbTest;

/** {@link DegreeExemptionDemoScenarioTest} (the demo accounts through the REST API, down to the ledger) on the private MariaDB. */
@MariaDbTest
class DegreeExemptionDemoScenarioMariaDbIT extends DegreeExemptionDemoScenarioTest {
}
