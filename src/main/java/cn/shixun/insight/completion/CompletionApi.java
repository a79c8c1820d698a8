package cn.shixun.insight.completion;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The completion tables as JSON: {@code GET /api/completion?org=&year=&basis=} and a
 * school's short teachers {@code GET /api/completion/schools/{id}}. Outside the scope: 404; a bad
 * year or basis: 400 naming the field (a malformed input, answered by the shared problem details).
 */
@RestController
@RequestMapping("/api/completion")
class CompletionApi {

    private final CompletionScope scope;
    private final CompletionTables tables;

    CompletionApi(CompletionScope scope, CompletionTables tables) {
        this.scope = scope;
        this.tables = tables;
    }

    @GetMapping
    CompletionJson.Table table(@RequestParam(required = false) Long org, @RequestParam(required = false) String year,
                               @RequestParam(required = false) String basis) {
        CompletionScope.Request request = scope.request(org, year, basis);
        return CompletionJson.of(tables.table(request.organisation(), request.view(), request.own()));
    }

    @GetMapping("/schools/{schoolId}")
    CompletionJson.School school(@PathVariable Long schoolId, @RequestParam(required = false) String year,
                                 @RequestParam(required = false) String basis) {
        CompletionScope.Request request = scope.schoolRequest(schoolId, year, basis);
        return CompletionJson.of(request.organisation(), request.view(), tables.school(schoolId, request.view()));
    }
}
