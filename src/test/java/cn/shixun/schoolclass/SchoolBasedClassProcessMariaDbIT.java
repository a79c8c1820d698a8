package cn.shixun.schoolclass;

import cn.shixun.MariaDbTest;

/** {@link SchoolBasedClassProcessTest} (every path, the timers and the per-learner crediting) on the private MariaDB. */
@MariaDbTest
class SchoolBasedClassProcessMariaDbIT extends SchoolBasedClassProcessTest {
}
