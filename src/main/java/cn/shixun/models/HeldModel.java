package cn.shixun.models;

import java.time.Instant;

/**
 * A repository model file that start-up did not deploy because a process owner's publication is
 * in force ({@link ModelSeeder}).
 *
 * @param resourceName      the file, e.g. {@code degreeExemption.bpmn}
 * @param versionTag        the file's {@code camunda:versionTag}
 * @param heldSince         the first start that held this file back for this publication
 * @param heldForDeployment the deployment(s) in force, comma-separated
 */
public record HeldModel(String resourceName, String versionTag, Instant heldSince, String heldForDeployment) {
}
