package cn.shixun.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.MariaDbTest;
import org.junit.jupiter.api.Test;

/** {@link EvidenceFilesTest} on the private MariaDB: MEDIUMBLOB content, a 5 MB row within one packet. */
@MariaDbTest
class EvidenceFilesMariaDbIT extends EvidenceFilesTest {

    @Test
    void theServersPacketLimitHoldsTheLargestFile() {
        Long packet = jdbc.queryForObject("SELECT @@max_allowed_packet", Long.class);
        assertThat(packet).isGreaterThan(evidence.maxFileSize() * 2);
        assertThat(jdbc.queryForObject("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'evidence_file' AND COLUMN_NAME = 'content'", String.class)).isEqualTo("mediumblob");
    }
}
