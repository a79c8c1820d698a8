package cn.shixun.processowner;

/** A decision table in the catalogue. */
record DecisionSummary(String key, String name, int versions, int latestVersion, String latestTag) {
}
