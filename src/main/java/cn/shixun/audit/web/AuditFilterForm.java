package cn.shixun.audit.web;

import cn.shixun.audit.AuditOutcome;
import cn.shixun.audit.AuditQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters as typed into the page or the query string, all text, so that the API and the page
 * refuse a bad value the same way: HTTP 400 naming the field ({@link AuditQuery#invalid}).
 */
record AuditFilterForm(String from, String to, String actor, String action, String subjectType, String subjectId,
                       String outcome, String page, String size) {

    static final int DEFAULT_SIZE = 50;

    AuditQuery query() {
        return new AuditQuery(date("from", from), date("to", to), actor, action, subjectType, subjectId, parsedOutcome());
    }

    int pageNumber() {
        return number("page", page, 0);
    }

    int pageSize() {
        return number("size", size, DEFAULT_SIZE);
    }

    /** The filters as a query string for links (export, next page), without page and size. */
    String queryString() {
        return UriComponentsBuilder.newInstance().queryParamIfPresent("from", present(from))
                .queryParamIfPresent("to", present(to)).queryParamIfPresent("actor", present(actor))
                .queryParamIfPresent("action", present(action)).queryParamIfPresent("subjectType", present(subjectType))
                .queryParamIfPresent("subjectId", present(subjectId)).queryParamIfPresent("outcome", present(outcome))
                .encode().build().getQuery();
    }

    private static java.util.Optional<String> present(String value) {
        return java.util.Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private AuditOutcome parsedOutcome() {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw AuditQuery.invalid("outcome", "audit.invalid.outcome", outcome,
                    Arrays.stream(AuditOutcome.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw AuditQuery.invalid(field, "audit.invalid.date", value);
        }
    }

    private static int number(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw AuditQuery.invalid(field, "audit.invalid.number", value);
        }
    }
}
