package cn.shixun.policy;

/**
 * The inputs every decision table is keyed by: profile code and version, and the city code
 * for rows that differ inside one profile (Zhengzhou vs Xinxiang in henan-2016, ADR 0002).
 */
public record PolicyKey(String profileCode, int profileVersion, String cityCode) {

    public static PolicyKey of(PolicyProfile profile, String cityCode) {
        return new PolicyKey(profile.code(), profile.version(), cityCode == null ? "" : cityCode);
    }
}
