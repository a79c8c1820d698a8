package cn.shixun.shared.web;

import cn.shixun.shared.BusinessDate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A table as an {@code .xlsx} download (the spreadsheets the bureaus exchange, R-39) that never
 * holds its rows: they go to a compressed temporary file as they are produced, with only a small
 * window of them in memory (POI's SXSSF), and the workbook is then streamed to the response, so an
 * export of a million rows costs disk, not heap. Past the format's limit of rows per sheet the table
 * goes on in a next sheet under the same header.
 *
 * <p>{@link Rows#writeTo} runs while the response is written, on another thread and after the
 * controller returned: check input and scope in the controller, and read in the callback with
 * something that opens its own transaction.
 */
public final class XlsxDownload {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Rows in memory before they are flushed to the (compressed) temporary file. */
    private static final int WINDOW = 200;
    /** Excel's limit for a cell's text. */
    private static final int MAX_TEXT = 32_767;

    private XlsxDownload() {
    }

    /** Produces the table's rows, in order, into the sink. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Sink sink);
    }

    /**
     * One row per call. A cell is a {@link CharSequence}, a {@link Number}, a {@link LocalDate},
     * an {@link Instant} or {@link LocalDateTime} (Beijing time), a {@link Boolean} (是 / 否) or null
     * (empty); anything else is written as its {@code toString()}.
     */
    public interface Sink {
        void row(Object... cells);
    }

    public static ResponseEntity<StreamingResponseBody> of(String fileName, String sheetName, List<String> headers,
                                                           Rows rows) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(out -> write(out, sheetName, headers, rows));
    }

    /** Writes the workbook to {@code out}; what the download streams, and what tests call directly. */
    static void write(OutputStream out, String sheetName, List<String> headers, Rows rows) throws IOException {
        write(out, sheetName, headers, rows, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** As above, with a smaller sheet than Excel's million rows (tests). */
    static void write(OutputStream out, String sheetName, List<String> headers, Rows rows, int rowsPerSheet)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            rows.writeTo(new SheetWriter(workbook, sheetName, headers, rowsPerSheet));
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static final class SheetWriter implements Sink {

        private final SXSSFWorkbook workbook;
        private final String sheetName;
        private final List<String> headers;
        private final CellStyle headerStyle;
        private final CellStyle dayStyle;
        private final CellStyle dayTimeStyle;
        private final int rowsPerSheet;
        private Sheet sheet;
        private int sheets;
        private int next;

        SheetWriter(SXSSFWorkbook workbook, String sheetName, List<String> headers, int rowsPerSheet) {
            this.workbook = workbook;
            this.rowsPerSheet = rowsPerSheet;
            this.sheetName = sheetName;
            this.headers = headers;
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            dayStyle = dateStyle("yyyy-mm-dd");
            dayTimeStyle = dateStyle("yyyy-mm-dd hh:mm");
            startSheet();
        }

        @Override
        public void row(Object... cells) {
            if (next == rowsPerSheet) {
                startSheet();
            }
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.length; i++) {
                write(row.createCell(i), cells[i]);
            }
        }

        private void startSheet() {
            sheets++;
            sheet = workbook.createSheet(sheets == 1 ? sheetName : sheetName + " (" + sheets + ")");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(headerStyle);
                // Column widths cannot be measured while streaming: wide enough for the header, CJK counted double.
                sheet.setColumnWidth(i, Math.min(255, Math.max(12, headers.get(i).length() * 2 + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            next = 1;
        }

        private void write(Cell cell, Object value) {
            if (value == null) {
                cell.setBlank();
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean yes) {
                cell.setCellValue(yes ? "是" : "否");
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(dayStyle);
            } else if (value instanceof LocalDateTime moment) {
                cell.setCellValue(moment);
                cell.setCellStyle(dayTimeStyle);
            } else if (value instanceof Instant instant) {
                write(cell, LocalDateTime.ofInstant(instant, BusinessDate.ZONE));
            } else {
                String text = value.toString();
                cell.setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
            }
        }

        private CellStyle dateStyle(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
            return style;
        }
    }
}
