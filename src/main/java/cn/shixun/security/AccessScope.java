package cn.shixun.security;

import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.TeacherScope;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Organisation-scoped access (docs/security.md): an account sees its own organisation,
 * everything below it in the tree, and the schools elsewhere whose registration authority
 * lies in it; a teacher sees their current school, and among teachers only themselves. The
 * account is read afresh on every call, so scope follows a transfer on the next request. The
 * platform administrator ({@link CurrentAccount#isPlatformAdmin}) sees every organisation.
 *
 * <p>The rule for refusals: a teacher, ledger entry or case outside the scope answers exactly
 * like one that does not exist (404, {@link #requireTeacher}); organisations are public
 * reference data, so acting on one outside the scope is a 403 ({@link #requireCovers}).
 */
@Component("accessScope")
public class AccessScope implements TeacherScope {

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
        if (account.isTeacher()) {
            return account.organisationId() != null && account.organisationId().equals(organisationId);
        }
        if (account.isPlatformAdmin()) {
            return organisations.find(organisationId).isPresent();
        }
        return organisations.answersFor(account.organisationId(), organisationId);
    }

    @Override
    public boolean coversSchool(Long schoolId) {
        return covers(schoolId);
    }

    /** Whether the signed-in account may see teacher {@code teacherId}'s records. */
    @Override
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

    @Override
    public Visible visibleTeachers() {
        return currentAccounts.current().map(account -> account.isTeacher()
                        ? new Visible(account.organisationId() == null ? Set.of() : Set.of(account.organisationId()),
                                account.teacherId())
                        : new Visible(account.isPlatformAdmin() ? organisations.allSchoolIds()
                                : organisations.schoolIdsCoveredBy(account.organisationId()), null))
                .orElse(new Visible(Set.of(), null));
    }

    /**
     * The teacher id if the signed-in account covers it; otherwise the same 404 as for a teacher
     * that does not exist, so that ids outside the scope reveal nothing.
     */
    public Long requireTeacher(Long teacherId) {
        if (teacherId == null || !coversTeacher(teacherId)) {
            throw BusinessRuleException.notFound("teacherId", "teacher.not-found", teacherId);
        }
        return teacherId;
    }

    /** Refuses (HTTP 403 through the security filter chain) unless the signed-in account covers the organisation. */
    public void requireCovers(Long organisationId) {
        if (!covers(organisationId)) {
            throw new AccessDeniedException("organisation " + organisationId + " is outside the account's scope");
        }
    }
}
