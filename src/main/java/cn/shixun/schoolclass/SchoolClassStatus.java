package cn.shixun.schoolclass;

import cn.shixun.tasks.CaseStatus;

/**
 * What a school-based class's record keeps of where it stands: open, or how it ended. Which step
 * an open class is at is the process's ({@code CaseProgress}), not a status of ours.
 */
public enum SchoolClassStatus implements CaseStatus {
    OPEN("办理中"),
    CREDITED("学时已登记"),
    REJECTED("未通过");

    private final String label;

    SchoolClassStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isOpen() {
        return this == OPEN;
    }
}
