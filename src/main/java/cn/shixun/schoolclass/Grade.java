package cn.shixun.schoolclass;

/** A learner's result (Kunming appendix step 6): excellent (at most 10% of the class, R-14), pass or fail. */
public enum Grade {
    EXCELLENT("优秀"),
    PASS("合格"),
    FAIL("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean earnsHours() {
        return this != FAIL;
    }
}
