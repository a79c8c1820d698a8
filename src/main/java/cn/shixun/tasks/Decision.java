package cn.shixun.tasks;

/** A reviewer's decision on a review task (the {@code decision} variable the gateways read). */
public enum Decision {
    APPROVE("同意"),
    /** Back to the previous step (usually the applicant) for amendment and resubmission. */
    RETURN("退回修改"),
    REJECT("不同意");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returning and rejecting must say why. */
    public boolean needsComment() {
        return this != APPROVE;
    }
}
