package cn.shixun.ledger;

/** Where a ledger entry came from. */
public enum SourceType {
    /** A training project registered by the authority that designed or hosted it. */
    PROJECT,
    /** A teacher's own application (degree, non-administrative training...). */
    APPLICATION,
    /** Hours earned before the system. */
    IMPORT,
    /** A reversal written by a correction. */
    CORRECTION
}
