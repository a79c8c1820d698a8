package cn.shixun.audit;

import cn.shixun.shared.BusinessRuleException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a reader asks the audit trail for; every field may be null. Dates are Beijing calendar
 * days, both inclusive. {@code action} matches an action or, ending in a dot, a family of them
 * ({@code ledger.}); {@code subjectType}/{@code subjectId} and {@code actor} match exactly.
 */
public record AuditQuery(LocalDate from, LocalDate to, String actor, String action, String subjectType,
                         String subjectId, AuditOutcome outcome) {

    /** Codes are lower-case words with dots and dashes: nothing else can be a wildcard or a quote. */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final int MAX_NAME = 64;
    private static final int MAX_SUBJECT_ID = 255;

    /** The same query with blank texts as nulls, or a refusal naming the first bad field. */
    public AuditQuery checked() {
        AuditQuery q = new AuditQuery(from, to, blankToNull(actor), blankToNull(action), blankToNull(subjectType),
                blankToNull(subjectId), outcome);
        if (q.from != null && q.to != null && q.to.isBefore(q.from)) {
            throw invalid("to", "audit.invalid.to-before-from", q.to, q.from);
        }
        if (q.actor != null && q.actor.length() > MAX_NAME) {
            throw invalid("actor", "audit.invalid.too-long", MAX_NAME);
        }
        if (q.action != null && !CODE.matcher(q.action).matches()) {
            throw invalid("action", "audit.invalid.code", q.action);
        }
        if (q.subjectType != null && !CODE.matcher(q.subjectType).matches()) {
            throw invalid("subjectType", "audit.invalid.code", q.subjectType);
        }
        if (q.subjectId != null && q.subjectId.length() > MAX_SUBJECT_ID) {
            throw invalid("subjectId", "audit.invalid.too-long", MAX_SUBJECT_ID);
        }
        return q;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A filter value the audit trail cannot search by: HTTP 400 naming the field; nothing is read. */
    public static BusinessRuleException invalid(String field, String messageKey, Object... args) {
        return BusinessRuleException.violation(null, field, messageKey, args);
    }
}
