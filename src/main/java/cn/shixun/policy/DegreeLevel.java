package cn.shixun.policy;

import cn.shixun.organisation.Stage;

/** Degree levels for R-15's level-by-stage check, lowest first. */
public enum DegreeLevel {
    JUNIOR_COLLEGE("大专"),
    BACHELOR("本科"),
    POSTGRADUATE("研究生");

    private final String label;

    DegreeLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** the lowest degree that counts for a teacher of the stage (primary and below: junior college). */
    public static DegreeLevel minimumFor(Stage stage) {
        return switch (stage) {
            case JUNIOR_MIDDLE, VOCATIONAL -> BACHELOR;
            case SENIOR_HIGH -> POSTGRADUATE;
            default -> JUNIOR_COLLEGE;
        };
    }
}
