package cn.shixun.audit;

import cn.shixun.MariaDbTest;

/** {@link AuditTrailTest} on the private MariaDB: the same lines, scope, export, and the triggers that refuse UPDATE/DELETE. */
@MariaDbTest
class AuditTrailMariaDbIT extends AuditTrailTest {
}
