package cn.shixun.training;

import cn.shixun.MariaDbTest;

/** {@link ExternalTrainingApprovalProcessTest} (every path, the timers and the credit step) on the private MariaDB. */
@MariaDbTest
class ExternalTrainingApprovalProcessMariaDbIT extends ExternalTrainingApprovalProcessTest {
}
