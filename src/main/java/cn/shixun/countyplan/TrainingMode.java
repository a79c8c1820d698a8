package cn.shixun.countyplan;

/** How a planned project is delivered (培训模式, Sanmenxia 五(一)). */
public enum TrainingMode {
    IN_PERSON("集中面授"),
    ONLINE("网络研修"),
    BLENDED("线上线下混合"),
    SHADOWING("跟岗研修");

    private final String label;

    TrainingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
