package cn.shixun.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class XlsxDownloadTest {

    @Test
    void eachKindOfCellIsWrittenAsItsSpreadsheetType_underABoldFrozenHeader() throws IOException {
        byte[] bytes = xlsx(sink -> sink.row("郑州市第一中学", 42, 0.125, LocalDate.of(2026, 12, 31),
                Instant.parse("2026-10-15T01:30:00Z"), true, null), 1_000);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("学校");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("学校");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("郑州市第一中学");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(42);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(0.125);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
            assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));
            // 01:30 UTC is 09:30 in Beijing, the time people read.
            assertThat(row.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 15, 9, 30));
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("是");
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void aTextThatLooksLikeAFormulaStaysText() throws IOException {
        byte[] bytes = xlsx(sink -> sink.row("=HYPERLINK(\"http://example.org\")"), 1_000);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void pastTheRowsOfASheetTheTableGoesOnInTheNextSheetUnderTheSameHeader() throws IOException {
        byte[] bytes = xlsx(sink -> IntStream.rangeClosed(1, 25).forEach(n -> sink.row("学校" + n, n)), 10);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("学校 (2)");
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校");
            // 9 data rows under each header: the 10th row of a sheet opens the next.
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(10);
            assertThat(workbook.getSheetAt(2).getLastRowNum()).isEqualTo(7);
            assertThat(workbook.getSheetAt(2).getRow(7).getCell(0).getStringCellValue()).isEqualTo("学校25");
        }
    }

    @Test
    void theDownloadNamesItsChineseFileAndTheSpreadsheetType() {
        var response = XlsxDownload.of("完成情况-2026.xlsx", "学校", List.of("学校"), sink -> { });

        assertThat(response.getHeaders().getContentType()).isEqualTo(XlsxDownload.XLSX);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;").contains("filename*=UTF-8''%E5%AE%8C%E6%88%90");
    }

    private static byte[] xlsx(XlsxDownload.Rows rows, int rowsPerSheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxDownload.write(out, "学校", List.of("学校", "教师数", "比例", "日期", "时间", "达标", "备注"), rows,
                rowsPerSheet);
        return out.toByteArray();
    }
}
