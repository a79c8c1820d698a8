package cn.shixun.exemption;

/** What a reviewer decides on an application. */
public enum Decision {
    APPROVE("同意"),
    /** Back to the teacher for amendment; a comment says what to fix. */
    RETURN("退回修改"),
    /** Final refusal; a comment gives the reason. */
    REJECT("不同意");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
