package cn.shixun.security;

/**
 * The signed-in person as the other modules see them.
 *
 * @param username       the sign-in name
 * @param displayName    the name to greet them with
 * @param role           what they do
 * @param organisationId the organisation their access is scoped to; for a teacher, the school
 *                       the teacher record names right now (it follows a transfer); null only
 *                       if that record has gone, or for the platform administrator ({@link #isPlatformAdmin})
 * @param teacherId      the teacher record for a {@link Role#TEACHER}, else null
 */
public record CurrentAccount(String username, String displayName, Role role, Long organisationId, Long teacherId) {

    public boolean is(Role other) {
        return role == other;
    }

    public boolean isTeacher() {
        return role == Role.TEACHER;
    }

    /**
     * A system administrator whose account names no organisation: the platform administrator, who acts in
     * every province (docs/administration.md). Every other system administrator is scoped to a province.
     */
    public boolean isPlatformAdmin() {
        return role == Role.SYSTEM_ADMIN && organisationId == null;
    }
}
