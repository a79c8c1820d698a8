package cn.shixun.processowner;

import java.time.Instant;

/**
 * One deployed version of a procedure or decision table.
 *
 * @param source   the deployment's source: {@code repository seed} for start-up's, {@code Camunda Modeler}…
 * @param running  running cases (null for a decision table)
 * @param finished finished cases (null for a decision table)
 */
record ModelVersion(String definitionId, int version, String tag, Instant deployedAt, String source,
                    String deploymentName, Long running, Long finished) {
}
