/**
 * The degree-exemption procedure: a teacher's application with the
 * diploma, the school's and the registration authority's reviews in the {@code degreeExemption}
 * process, and the exemption registered in the ledger. Other modules use
 * {@link cn.shixun.exemption.DegreeExemptions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Degree exemption")
package cn.shixun.exemption;
