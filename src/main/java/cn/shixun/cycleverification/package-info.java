/**
 * The five-year cycle verification: a school declares the
 * teachers whose cycle ended in a period in one batch, one {@code cycleVerification} process per
 * teacher; the county re-checks, the city confirms, the province files; a teacher whose cycle
 * met its hours gets the continuing-education registration certificate, verifiable by anyone
 * with its number and check code. Other modules use {@link cn.shixun.cycleverification.Certificates}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cycle verification")
package cn.shixun.cycleverification;
