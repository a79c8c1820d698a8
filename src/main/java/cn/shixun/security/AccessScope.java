package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Organisation-scoped access: an account sees its own organisation and everything below it in
 * the tree (by the organisation {@code path}); a teacher sees their current school, and among
 * teachers only themselves. Usable from Java and from method security, e.g.
 * {@code @PreAuthorize("@accessScope.covers(#schoolId)")}.
 */
@Component("accessScope")
public class AccessScope {

    private final CurrentAccounts currentAccounts;
    private final Organisations organisations;
    private final Teachers teachers;

    AccessScope(CurrentAccounts currentAccounts, Organisations organisations, Teachers teachers) {
        this.currentAccounts = currentAccounts;
        this.organisations = organisations;
        this.teachers = teachers;
    }

    /** Whether the signed-in account may see organisation {@code organisationId}; false when nobody is signed in. */
    public boolean covers(Long organisationId) {
        return currentAccounts.current().map(account -> covers(account, organisationId)).orElse(false);
    }

    /** Whether {@code account}'s scope includes organisation {@code organisationId}. */
    public boolean covers(CurrentAccount account, Long organisationId) {
        Optional<Organisation> scope = organisations.find(account.organisationId());
        Optional<Organisation> target = organisations.find(organisationId);
        return scope.isPresent() && target.isPresent() && scope.get().contains(target.get());
    }

    /** Whether the signed-in account may see teacher {@code teacherId}'s records. */
    public boolean coversTeacher(Long teacherId) {
        return currentAccounts.current().map(account -> coversTeacher(account, teacherId)).orElse(false);
    }

    /** A teacher covers only themselves; everyone else covers the teachers of the schools in their scope. */
    public boolean coversTeacher(CurrentAccount account, Long teacherId) {
        if (account.isTeacher()) {
            return account.teacherId() != null && account.teacherId().equals(teacherId);
        }
        return teachers.find(teacherId).map(Teacher::schoolId).map(school -> covers(account, school)).orElse(false);
    }

    /** Refuses (HTTP 403 through the security filter chain) unless the signed-in account covers the organisation. */
    public void requireCovers(Long organisationId) {
        if (!covers(organisationId)) {
            throw new AccessDeniedException("organisation " + organisationId + " is outside the account's scope");
        }
    }
}
