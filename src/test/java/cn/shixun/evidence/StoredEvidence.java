package cn.shixun.evidence;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;

/**
 * A real evidence file of a teacher or an organisation, for tests that attach one to an
 * application: the procedures refuse a reference that is not a stored file of that owner.
 */
public final class StoredEvidence {

    private StoredEvidence() {
    }

    /** Stores a small PDF as uploaded by the teacher themselves; returns its id. */
    public static String of(EvidenceFiles evidence, Long teacherId) {
        CurrentAccount self = new CurrentAccount("teacher-" + teacherId, "教师", Role.TEACHER, null, teacherId);
        return evidence.store(self, teacherId, "evidence.pdf", SamplePdf.withText("Evidence of teacher " + teacherId))
                .id();
    }

    /** Stores a small PDF as a file of organisation {@code organisationId} (uploaded by an account of it); returns its id. */
    public static String ofOrganisation(EvidenceFiles evidence, Long organisationId) {
        CurrentAccount staff = new CurrentAccount("staff-" + organisationId, "管理员", Role.SCHOOL_ADMIN, organisationId,
                null);
        return evidence.storeForOrganisation(staff, organisationId, "sheet.pdf",
                SamplePdf.withText("Evidence of organisation " + organisationId)).id();
    }
}
