package cn.shixun.audit.web;

import cn.shixun.shared.BusinessDate;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The export: CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese text
 * correctly, every cell quoted, and a cell that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}) prefixed with an apostrophe.
 */
final class AuditCsv {

    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final char BOM = '\uFEFF';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessDate.ZONE);
    private static final List<String> HEADER = List.of("编号", "时间（北京时间）", "操作人", "角色", "来源IP", "客户端", "操作",
            "操作代码", "对象类型", "对象编号", "所属机构", "详情", "结果");

    private AuditCsv() {
    }

    /** {@code today}: the business date the file is named after. */
    static void write(List<AuditLineView> lines, LocalDate today, HttpServletResponse response) throws IOException {
        String filename = "audit-" + today + ".csv";
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        PrintWriter out = response.getWriter();
        out.write(BOM);
        out.write(row(HEADER.stream()));
        for (AuditLineView line : lines) {
            out.write(row(Stream.of(String.valueOf(line.id()), TIME.format(line.occurredAt()), line.actor(),
                    line.actorRoleLabel(), line.clientIp(), line.userAgent(), line.actionLabel(), line.action(),
                    line.subjectType(), line.subjectId(), line.organisationName(), line.detail(), line.outcomeLabel())));
        }
        out.flush();
    }

    private static String row(Stream<String> cells) {
        return cells.map(AuditCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
