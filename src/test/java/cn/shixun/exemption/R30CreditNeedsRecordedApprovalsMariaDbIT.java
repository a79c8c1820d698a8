package cn.shixun.exemption;

import cn.shixun.MariaDbTest;

/** {@link R30CreditNeedsRecordedApprovalsTest} (the credit step refused without the recorded approvals) on the private MariaDB. */
@MariaDbTest
class R30CreditNeedsRecordedApprovalsMariaDbIT extends R30CreditNeedsRecordedApprovalsTest {
}
