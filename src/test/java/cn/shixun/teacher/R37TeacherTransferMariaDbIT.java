package cn.shixun.teacher;

import cn.shixun.MariaDbTest;

/** {@link R37TeacherTransferTest} (transfers and the hours that follow the teacher) on the private MariaDB. */
@MariaDbTest
class R37TeacherTransferMariaDbIT extends R37TeacherTransferTest {
}
