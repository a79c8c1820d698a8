package cn.shixun.shared;

/**
 * Something a person did that the audit trail must keep: published as a Spring
 * application event by the module that did it, inside the transaction that did it, so that
 * a rolled-back action leaves no audit line. Who, when and from where are added by the
 * listener from the request and the signed-in account.
 *
 * @param action      what happened, e.g. {@code ledger.register}, {@code case.decide}
 * @param subjectType the kind of record it happened to, e.g. {@code ledger-entry}, {@code degreeExemption}
 * @param subjectId   that record's id (a case's business key, a ledger entry's id)
 * @param detail      a short human-readable summary (Chinese), may be null
 */
public record AuditedAction(String action, String subjectType, String subjectId, String detail) {
}
