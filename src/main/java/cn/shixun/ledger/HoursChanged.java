package cn.shixun.ledger;

/**
 * A teacher's hours changed: a credit, a reversal or a legacy import was written. Published in the
 * transaction that writes them, so that a listener can mark what is computed from the hours out of
 * date before that transaction commits (the completion tables, R-38).
 */
public record HoursChanged(Long teacherId) {
}
