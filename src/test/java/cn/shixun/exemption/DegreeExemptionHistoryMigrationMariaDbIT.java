package cn.shixun.exemption;

import cn.shixun.MariaDbTest;

/** {@link DegreeExemptionHistoryMigrationTest}: the migration's SQL on the private MariaDB. */
@MariaDbTest
class DegreeExemptionHistoryMigrationMariaDbIT extends DegreeExemptionHistoryMigrationTest {
}
