package cn.shixun.shared;

/**
 * Something a person did that the audit trail must keep: published as a Spring
 * application event by the module that did it, inside the transaction that did it, so that
 * a rolled-back action leaves no audit line. Who, when and from where are added by the
 * listener from the request and the signed-in account.
 *
 * @param action         what happened, e.g. {@code ledger.register}, {@code case.decide}
 * @param subjectType    the kind of record it happened to, e.g. {@code ledger-entry}, {@code degreeExemption}
 * @param subjectId      that record's id (a case's business key, a ledger entry's id)
 * @param detail         a short human-readable summary (Chinese), may be null
 * @param organisationId the organisation the record belongs to (a teacher's school, a case's school),
 *                       which decides which managers may read the line; null: the actor's organisation
 * @param actor          who acted, where the publisher knows it better than the request does (the engine's
 *                       user behind a Camunda webapp call, which Spring Security does not know); null: the
 *                       signed-in account
 */
public record AuditedAction(String action, String subjectType, String subjectId, String detail, Long organisationId,
                            String actor) {

    public AuditedAction(String action, String subjectType, String subjectId, String detail, Long organisationId) {
        this(action, subjectType, subjectId, detail, organisationId, null);
    }

    /** An action whose record's organisation the publisher does not know: it is filed under the actor's. */
    public AuditedAction(String action, String subjectType, String subjectId, String detail) {
        this(action, subjectType, subjectId, detail, null);
    }
}
