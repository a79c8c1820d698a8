package cn.shixun.processowner;

/**
 * A procedure in the catalogue.
 *
 * @param latestVersion 0 when nothing is deployed for it
 * @param running       running cases of all its versions
 * @param finished      finished cases of all its versions
 */
record ProcedureSummary(String key, String name, int versions, int latestVersion, String latestTag, long running,
                        long finished) {
}
