package cn.shixun.ledger;

import cn.shixun.MariaDbTest;

/** {@link TeacherStatusTest} (status query per profile) on the private MariaDB. */
@MariaDbTest
class TeacherStatusMariaDbIT extends TeacherStatusTest {
}
