package cn.shixun.ledger;

import org.springframework.boot.test.context.SpringBootTest;

/** The database scenarios on the embedded H2 (same context as the demo-data tests). */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class LedgerOnH2Test extends LedgerDatabaseScenarios {
}
