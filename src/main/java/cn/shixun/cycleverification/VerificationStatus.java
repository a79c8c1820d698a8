package cn.shixun.cycleverification;

import cn.shixun.tasks.CaseStatus;

/**
 * What a teacher's cycle verification keeps of where it stands: open, or how it ended.
 * Which review an open verification is at is its process's ({@code CaseProgress}), not a status of ours.
 */
public enum VerificationStatus implements CaseStatus {
    OPEN("核准中"),
    CERTIFIED("已核准发证"),
    REJECTED("核准未通过"),
    CERTIFICATE_REFUSED("未发证");

    private final String label;

    VerificationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Still being worked on: the same cycle may not be declared again meanwhile. */
    @Override
    public boolean isOpen() {
        return this == OPEN;
    }
}
