package cn.shixun.annual;

import cn.shixun.MariaDbTest;

/** {@link R33RegistrationStaysWithItsCaseTest} (a card registered only through its own case) on the private MariaDB. */
@MariaDbTest
class R33RegistrationStaysWithItsCaseMariaDbIT extends R33RegistrationStaysWithItsCaseTest {
}
