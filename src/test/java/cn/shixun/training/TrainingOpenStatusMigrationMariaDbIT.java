package cn.shixun.training;

import cn.shixun.MariaDbTest;

/** {@link TrainingOpenStatusMigrationTest}: V133's SQL on the private MariaDB. */
@MariaDbTest
class TrainingOpenStatusMigrationMariaDbIT extends TrainingOpenStatusMigrationTest {
}
