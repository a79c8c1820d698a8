package cn.shixun.shared;

/**
 * Something a person tried and was refused, that the audit trail must keep (e.g. a call the
 * engine gate refused). Published outside any transaction, or in one that is about to roll
 * back: the listener writes it in a transaction of its own, with the outcome {@code DENIED}.
 *
 * @param actor       who tried (username)
 * @param action      what they tried, e.g. {@code engine.refused}
 * @param subjectType the kind of record, e.g. {@code task}
 * @param subjectId   that record's id, may be null
 * @param detail      a short human-readable summary (Chinese): the operation and why it was refused
 */
public record AuditedRefusal(String actor, String action, String subjectType, String subjectId, String detail) {
}
