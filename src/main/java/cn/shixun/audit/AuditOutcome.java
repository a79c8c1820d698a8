package cn.shixun.audit;

/** How an audited attempt ended. */
public enum AuditOutcome {
    /** Done (the action's transaction committed, or the sign-in succeeded). */
    SUCCESS("成功"),
    /** Refused: not signed in (401) or not allowed (403). */
    DENIED("拒绝"),
    /** A sign-in that failed (wrong password, unknown or disabled account). */
    FAILED("失败"),
    /** A password sign-in refused unchecked: too many failures of the name or from the address (sign-in throttling). */
    BLOCKED("暂停登录");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
