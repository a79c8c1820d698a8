package cn.shixun.training.web;

import cn.shixun.MariaDbTest;

/** {@link ExternalTrainingDemoScenarioTest} through the API on the private MariaDB. */
@MariaDbTest
class ExternalTrainingDemoScenarioMariaDbIT extends ExternalTrainingDemoScenarioTest {
}
