package cn.shixun.evidence;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;

/**
 * A real evidence file of a teacher, for tests that attach one to an application: the
 * procedures refuse a reference that is not a stored file of that teacher.
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
}
