package cn.shixun.teacher;

import cn.shixun.MariaDbTest;

/** {@link R01TeacherHiringTest} (hiring checks) on the private MariaDB. */
@MariaDbTest
class R01TeacherHiringMariaDbIT extends R01TeacherHiringTest {
}
