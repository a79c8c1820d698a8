/**
 * Evidence files: the diploma scans, certificates and sign-in sheets that teachers and
 * school administrators attach, stored in the database with their metadata (ADR 0007), typed by
 * their content (PDF, JPEG, PNG), readable by the owner teacher and the accounts whose scope
 * covers the teacher's current school. Other modules use
 * {@link cn.shixun.evidence.EvidenceFiles} and refer to a file by its random id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence files")
package cn.shixun.evidence;
