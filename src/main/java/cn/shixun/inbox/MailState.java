package cn.shixun.inbox;

/** Where a message's e-mail stands: the message row is its outbox entry. */
public enum MailState {
    /** Not mailed: the account takes no e-mail, or this server has no mail server. */
    OFF,
    /** Waiting for a worker: not tried yet, or failed and to be retried at its next try. */
    PENDING,
    SENT,
    /** Failed at every try; the message stays in the message centre. */
    GAVE_UP
}
