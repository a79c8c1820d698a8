package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.shared.web.XlsxDownload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The completion tables as {@code .xlsx}: the schools of an organisation, and the
 * short teachers of an organisation or of one school. Scope and input are checked here, before
 * a byte is sent; the rows are produced while the file streams, so that a province's export holds
 * a few hundred schools' figures (read from the stored results), or one school's short teachers,
 * at a time, not the table.
 */
@Controller
class CompletionExports {

    static final List<String> SCHOOL_HEADERS = List.of("上级单位", "学校", "学校代码", "应计教师", "已完成", "未完成", "免修",
            "未计入", "完成率(%)", "未完成占比(%)", "不具备评优资格", "数据来源");
    static final List<String> SHORT_HEADERS = List.of("学校", "工号", "姓名", "未完成要求", "规则", "应修学时", "已修学时",
            "还差学时");

    /** Schools read from the stored results at once while the schools' file streams. */
    private static final int SCHOOLS_AT_A_TIME = 500;

    private final CompletionScope scope;
    private final CompletionTables tables;
    private final Organisations organisations;

    CompletionExports(CompletionScope scope, CompletionTables tables, Organisations organisations) {
        this.scope = scope;
        this.tables = tables;
        this.organisations = organisations;
    }

    @GetMapping("/dashboard/completion/schools.xlsx")
    ResponseEntity<StreamingResponseBody> schools(@RequestParam(required = false) Long org,
                                                  @RequestParam(required = false) String year,
                                                  @RequestParam(required = false) String basis) {
        CompletionScope.Request request = scope.request(org, year, basis);
        CompletionView view = request.view();
        List<Organisation> schools = tables.schoolsOf(request.organisation(), request.own());
        Map<Long, String> parents = new HashMap<>();
        return XlsxDownload.of(fileName("学校完成情况", request.organisation(), view), "学校", SCHOOL_HEADERS, sink -> {
            for (int from = 0; from < schools.size(); from += SCHOOLS_AT_A_TIME) {
                List<Organisation> some = schools.subList(from, Math.min(schools.size(), from + SCHOOLS_AT_A_TIME));
                Map<Long, SchoolResult> results = tables.figures(some.stream().map(Organisation::getId).toList(), view);
                for (Organisation school : some) {
                    SchoolResult result = results.get(school.getId());
                    Figures f = result.figures();
                    String parent = parents.computeIfAbsent(school.parentId(),
                            id -> organisations.find(id).map(Organisation::name).orElse(""));
                    sink.row(parent, school.name(), school.code(), f.counted(), f.met(), f.shortCount(), f.exempt(),
                            f.notCounted(), f.rate(), f.shortShare(), view.flags(f), source(result));
                }
            }
        });
    }

    @GetMapping("/dashboard/completion/short-teachers.xlsx")
    ResponseEntity<StreamingResponseBody> shortTeachers(@RequestParam(required = false) Long org,
                                                        @RequestParam(required = false) String year,
                                                        @RequestParam(required = false) String basis) {
        CompletionScope.Request request = scope.request(org, year, basis);
        return shortTeachers(request.organisation(), tables.schoolsOf(request.organisation(), request.own()),
                request.view());
    }

    @GetMapping("/dashboard/completion/schools/{schoolId}/short-teachers.xlsx")
    ResponseEntity<StreamingResponseBody> shortTeachersOf(@PathVariable Long schoolId,
                                                          @RequestParam(required = false) String year,
                                                          @RequestParam(required = false) String basis) {
        CompletionScope.Request request = scope.schoolRequest(schoolId, year, basis);
        return shortTeachers(request.organisation(), List.of(request.organisation()), request.view());
    }

    private ResponseEntity<StreamingResponseBody> shortTeachers(Organisation organisation, List<Organisation> schools,
                                                                CompletionView view) {
        return XlsxDownload.of(fileName("未完成教师", organisation, view), "未完成教师", SHORT_HEADERS, sink -> {
            for (Organisation school : schools) {
                for (ShortTeacher teacher : tables.school(school.getId(), view).shortTeachers()) {
                    for (Shortfall s : teacher.shortfalls()) {
                        sink.row(school.name(), teacher.staffNumber(), teacher.name(), s.label(), s.ruleId(),
                                s.required(), s.credited(), s.missing());
                    }
                }
            }
        });
    }

    private static String source(SchoolResult result) {
        return result.source() == SchoolResult.Source.SNAPSHOT ? "年终快照" : "台账（截至 " + result.asOf() + "）";
    }

    private static String fileName(String what, Organisation organisation, CompletionView view) {
        return what + "-" + organisation.name() + "-" + view.year() + (view.basis() == Basis.CYCLE ? "-周期" : "") + ".xlsx";
    }
}
