package cn.shixun.tasks;

/** What happened at one step of a case, as its history shows it. */
public enum CaseOutcome {
    SUBMITTED("提交"),
    APPROVED("同意"),
    RETURNED("退回修改"),
    REJECTED("不同意"),
    RESUBMITTED("重新提交"),
    /** A system step did its work, e.g. hours registered, certificate issued, results published. */
    COMPLETED("已办结"),
    /** A system step was refused by a rule, e.g. the ledger refused the hours. */
    REFUSED("被拒绝"),
    REMINDED("到期提醒"),
    ESCALATED("超期上报"),
    OVERDUE("已超期");

    private final String label;

    CaseOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A reviewer's decision, as opposed to a submission or a system step. */
    public boolean isDecision() {
        return this == APPROVED || this == RETURNED || this == REJECTED;
    }

    static CaseOutcome of(Decision decision) {
        return switch (decision) {
            case APPROVE -> APPROVED;
            case RETURN -> RETURNED;
            case REJECT -> REJECTED;
        };
    }
}
