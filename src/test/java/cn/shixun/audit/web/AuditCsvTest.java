package cn.shixun.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The export's cells: quoted, and never run as a formula by a spreadsheet (R-40 export, CSV injection). */
class AuditCsvTest {

    @Test
    void R40_cellsAreQuotedAndFormulasDefused() {
        assertThat(AuditCsv.cell(null)).isEqualTo("\"\"");
        assertThat(AuditCsv.cell("登记 24 学时")).isEqualTo("\"登记 24 学时\"");
        assertThat(AuditCsv.cell("他说\"同意\"")).isEqualTo("\"他说\"\"同意\"\"\"");
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(AuditCsv.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(AuditCsv.cell("a,b\r\nc")).isEqualTo("\"a,b\r\nc\"");
    }
}
