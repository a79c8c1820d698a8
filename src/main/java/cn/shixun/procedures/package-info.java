/**
 * The procedures' models as the engine runs them: what the repository's files ({@code processes/},
 * with their forms from {@code forms/}) seed at start-up, and what a process owner's publication
 * keeps in force. A feature of its own rather than part of the casework kit ({@code tasks}, which
 * checks every model whatever its channel): the process owner's console of issue 12 shows and
 * extends these records here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures")
package cn.shixun.procedures;
