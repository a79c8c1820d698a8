package cn.shixun.exemption;

import cn.shixun.MariaDbTest;

/** {@link DegreeExemptionProcessTest} (every path of the process, timers and the credit step) on the private MariaDB. */
@MariaDbTest
class DegreeExemptionProcessMariaDbIT extends DegreeExemptionProcessTest {
}
