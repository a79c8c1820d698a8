package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.MariaDbTest;
import org.junit.jupiter.api.Test;

/** The database scenarios on a real MariaDB with the production {@code mysql} profile. */
@MariaDbTest
class LedgerOnMariaDbIT extends LedgerDatabaseScenarios {

    /** The engine's own ACT_* tables are utf8 (3-byte) by Camunda's scripts; the domain tables must hold any Chinese text. */
    @Test
    void runsOnMariaDbWithReadCommittedAndUtf8mb4DomainTables() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        assertThat(jdbc.queryForObject("SELECT @@tx_isolation", String.class)).isEqualTo("READ-COMMITTED");
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT CCSA.character_set_name FROM information_schema.TABLES T
                JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY CCSA ON CCSA.collation_name = T.table_collation
                WHERE T.table_schema = DATABASE() AND T.table_name NOT LIKE 'ACT\\_%'""", String.class))
                .containsExactly("utf8mb4");
    }
}
