package cn.shixun.tasks;

/**
 * What a procedure's record keeps of where its case stands: open, or how it ended (ADR 0011).
 * Which step an open case is at is its {@link CaseProgress}.
 */
public interface CaseStatus {

    boolean isOpen();

    /** How the case ended, as people read it (e.g. 已免修登记); for an open case, what the process says instead. */
    String label();
}
