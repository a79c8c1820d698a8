/**
 * Annual registration: a teacher's registration card for a
 * year — the year's ledger entries with their evidence — checked by the school and registered by
 * the registration authority in the {@code annualRegistration} process, one process instance per
 * teacher; a school may declare all its teachers at once ({@link cn.shixun.annual.AnnualBatch}).
 * The year's result (met, hours missing by category) comes from the ledger's status query, never
 * from a form. Other modules use {@link cn.shixun.annual.AnnualRegistrations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annual registration")
package cn.shixun.annual;
