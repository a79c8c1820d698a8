package cn.shixun.inbox;

/** What a message tells about; the centre and the API show it. */
public enum NoticeKind {
    REMINDER,
    ESCALATION,
    OVERDUE,
    RETURNED,
    REJECTED,
    APPROVED,
    /** A system step did its work: hours registered, a certificate issued, results published. */
    COMPLETED,
    /** A system step was refused by a rule. */
    REFUSED,
    DIGEST,
    BATCH_RESULT
}
