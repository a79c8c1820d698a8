package cn.shixun.policy;

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
}
