package cn.shixun.policy;

/** Which decision table (key) and which deployed version of it gave a result. */
public record DecisionRef(String key, int version) {

    @Override
    public String toString() {
        return key + ":" + version;
    }
}
