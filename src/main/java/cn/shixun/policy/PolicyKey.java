package cn.shixun.policy;

import java.util.Map;

/**
 * The inputs every decision table is keyed by: profile code and version, and the city code
 * for rows that differ inside one profile (Zhengzhou vs Xinxiang in henan-2016, ADR 0002); and the
 * version's pins (decision key → decision definition id, ADR 0012), so that a later deployment of a
 * table does not change what a published version answers.
 */
public record PolicyKey(String profileCode, int profileVersion, String cityCode, Map<String, String> definitions) {

    public PolicyKey {
        definitions = definitions == null ? Map.of() : Map.copyOf(definitions);
    }

    /** A key without pins: every table at its latest deployed version. */
    public PolicyKey(String profileCode, int profileVersion, String cityCode) {
        this(profileCode, profileVersion, cityCode, Map.of());
    }

    public static PolicyKey of(PolicyProfile profile, String cityCode) {
        return new PolicyKey(profile.code(), profile.version(), cityCode == null ? "" : cityCode, profile.decisions());
    }

    /** The decision definition this key is pinned to for a table, or null for "the latest". */
    public String decisionDefinitionId(String decisionKey) {
        return definitions.get(decisionKey);
    }
}
