package cn.shixun.organisation;

import cn.shixun.MariaDbTest;

/** {@link OrganisationTreeTest} (the organisation tree and its paths) on the private MariaDB. */
@MariaDbTest
class OrganisationTreeMariaDbIT extends OrganisationTreeTest {
}
