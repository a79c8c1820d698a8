package cn.shixun.tasks.web;

import cn.shixun.shared.BusinessDate;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.WorklistFilter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workbench's filter fields as the reviewer typed them, kept as text so that the form shows a
 * wrong value back with the message that names its field (and the list stays unfiltered).
 *
 * @param process   a procedure's key
 * @param step      a step's name
 * @param school    part of the case's school (or county) name
 * @param applicant part of the applicant's name
 * @param overdue   {@code true}: only tasks past their deadline
 * @param within    only tasks due within this many days (overdue ones included)
 * @param from      opened on or after this day (Beijing time, yyyy-MM-dd)
 * @param to        opened on or before this day
 * @param sort      {@code due}, {@code created} or {@code applicant}
 */
record FilterForm(String process, String step, String school, String applicant, String overdue, String within,
                  String from, String to, String sort) {

    static final int MAX_DAYS = 366;
    static final int MAX_TEXT = 50;
    private static final Map<String, WorklistFilter.Sort> SORTS = Map.of("due", WorklistFilter.Sort.DUE,
            "created", WorklistFilter.Sort.CREATED, "applicant", WorklistFilter.Sort.APPLICANT);

    /** The filter these fields ask for; refused naming the first field that is wrong. */
    WorklistFilter parsed(Set<String> processKeys, Instant now) {
        String processKey = text(process);
        if (processKey != null && !processKeys.contains(processKey)) {
            throw BusinessRuleException.violation(null, "process", "workbench.filter.process-unknown", processKey);
        }
        Instant dueBefore = "true".equals(overdue) ? now : null;
        String days = text(within);
        if (days != null) {
            int n = number(days);
            if (dueBefore == null) {
                dueBefore = now.plus(Duration.ofDays(n));
            }
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw BusinessRuleException.violation(null, "from", "workbench.filter.dates-reversed", first, last);
        }
        String order = text(sort);
        if (order != null && !SORTS.containsKey(order)) {
            throw BusinessRuleException.violation(null, "sort", "workbench.filter.sort-unknown", order);
        }
        return new WorklistFilter(processKey, text(step), limited("school", school), limited("applicant", applicant),
                dueBefore, first == null ? null : first.atStartOfDay(BusinessDate.ZONE).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(BusinessDate.ZONE).toInstant(),
                order == null ? WorklistFilter.Sort.DUE : SORTS.get(order));
    }

    /** The same fields, none at all: the whole worklist. */
    static FilterForm none() {
        return new FilterForm(null, null, null, null, null, null, null, null, null);
    }

    /** Whether any field narrows the list (the sort does not). */
    boolean narrows() {
        return text(process) != null || text(step) != null || text(school) != null || text(applicant) != null
                || "true".equals(overdue) || text(within) != null || text(from) != null || text(to) != null;
    }

    /** The fields that are filled in, by parameter name: hidden in the page's forms, so that they keep the list as it is. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "process", process);
        put(params, "step", step);
        put(params, "school", school);
        put(params, "applicant", applicant);
        put(params, "overdue", overdue);
        put(params, "within", within);
        put(params, "from", from);
        put(params, "to", to);
        put(params, "sort", sort);
        return params;
    }

    /** The workbench with these fields, on page {@code page} (from 0; the first if null or 0), with {@code task} beside the list if not null. */
    String link(Integer page, String task) {
        return uri().queryParamIfPresent("page", Optional.ofNullable(page).filter(p -> p > 0))
                .queryParamIfPresent("task", Optional.ofNullable(task)).build().encode().toUriString();
    }

    /** The pager's link: the page named even when it is the first. */
    String pageLink(int page) {
        return uri().queryParam("page", page).build().encode().toUriString();
    }

    private UriComponentsBuilder uri() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tasks");
        params().forEach(uri::queryParam);
        return uri;
    }

    private static void put(Map<String, String> params, String name, String value) {
        String text = text(value);
        if (text != null) {
            params.put(name, text);
        }
    }

    private static int number(String days) {
        try {
            int n = Integer.parseInt(days);
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // refused below with the field's name
        }
        throw BusinessRuleException.violation(null, "within", "workbench.filter.within-invalid", days, MAX_DAYS);
    }

    private static LocalDate day(String field, String value) {
        String text = text(value);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            throw BusinessRuleException.violation(null, field, "workbench.filter.date-invalid." + field, text);
        }
    }

    private static String limited(String field, String value) {
        String text = text(value);
        if (text != null && text.length() > MAX_TEXT) {
            throw BusinessRuleException.violation(null, field, "workbench.filter.too-long." + field, MAX_TEXT);
        }
        return text;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
