package cn.shixun.schoolclass;

/**
 * What a school-based class's record keeps of where it stands: open, or how it ended. Which step
 * an open class is at is the process's ({@code CaseProgress}), not a status of ours.
 */
public enum SchoolClassStatus {
    OPEN("办理中"),
    CREDITED("学时已登记"),
    REJECTED("未通过");

    private final String label;

    SchoolClassStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == OPEN;
    }
}
