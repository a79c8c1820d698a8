/**
 * The procedures' models (BPMN, DMN, with their forms) as the engine runs them: what the
 * repository's files ({@code processes/}, {@code forms/}) seed at start-up, and which of them a
 * process owner's publication keeps from being deployed. A module of its own rather than part of
 * the casework kit ({@code tasks} checks every model, whatever its channel; this one decides what
 * start-up deploys), so that the process owner's console of issue 12 can show these records
 * beside the publications without reaching into the casework.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Models")
package cn.shixun.models;
