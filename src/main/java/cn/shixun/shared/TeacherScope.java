package cn.shixun.shared;

import java.util.Set;

/**
 * The signed-in caller's organisation scope over teachers, for the modules that the security
 * module itself depends on (organisation, teacher) and so cannot call {@code security.AccessScope}
 * without a cycle. Implemented by {@code security.AccessScope}; anyone not signed in covers nothing.
 */
public interface TeacherScope {

    /** Whether the caller may see the teacher: a teacher only themself, anyone else the teachers of their schools. */
    boolean coversTeacher(Long teacherId);

    /** Whether the caller may see or act on the teachers of this school. */
    boolean coversSchool(Long schoolId);

    /** What a search may return to the caller. */
    Visible visibleTeachers();

    /**
     * The schools whose teachers the caller may see; for a teacher caller also {@code onlyTeacherId},
     * their own record (else null). An empty set means nothing is visible.
     */
    record Visible(Set<Long> schoolIds, Long onlyTeacherId) {

        public Visible {
            schoolIds = Set.copyOf(schoolIds);
        }

        public boolean nothing() {
            return schoolIds.isEmpty();
        }
    }
}
