package cn.shixun.training;

import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.ReviewRouting;
import org.springframework.stereotype.Component;

/** Who may apply for whom, who reviews an application and who may see it. */
@Component
class TrainingAccess {

    private final AccessScope scope;
    private final ReviewRouting routing;

    TrainingAccess(AccessScope scope, ReviewRouting routing) {
        this.scope = scope;
        this.routing = routing;
    }

    /**
     * The teacher {@code account} applies for: a teacher for themselves ({@code teacherId} null or
     * their own), a school administrator for a teacher of their school (AccessScope).
     */
    Long applicantFor(CurrentAccount account, Long teacherId) {
        Long subject = teacherId != null ? teacherId : account.teacherId();
        if (account.isTeacher()) {
            if (subject == null || !subject.equals(account.teacherId())) {
                throw BusinessRuleException.forbidden("R-31", "teacherId", "training.only-own-application");
            }
        } else if (!account.is(Role.SCHOOL_ADMIN)) {
            throw BusinessRuleException.forbidden("R-31", "teacherId", "training.who-may-apply");
        } else if (subject == null || !scope.coversTeacher(account, subject)) {
            throw BusinessRuleException.forbidden("R-04", "teacherId", "training.outside-scope", subject);
        }
        return subject;
    }

    /** The school's administrators consent and review the completion first. */
    CandidateGroup schoolReview(Long schoolId) {
        return routing.schoolReview(schoolId);
    }

    /** Then the school's registration authority. */
    CandidateGroup authorityReview(Long schoolId) {
        return routing.authorityReview(schoolId);
    }

    /**
     * The applicant, the teacher, an account whose scope covers the school, or a member of its
     * registration authority's group may see an application; for anyone else it does not exist.
     */
    void requireVisible(ExternalTraining training, CurrentAccount account) {
        boolean visible = account.username().equals(training.applicant())
                || (account.isTeacher() && training.teacherId().equals(account.teacherId()))
                || (!account.isTeacher() && scope.covers(account, training.schoolId()))
                || routing.groupOf(account).map(CandidateGroup::id).filter(group -> group.equals(training.authorityGroup())).isPresent();
        if (!visible) {
            throw BusinessRuleException.notFound("id", "training.not-found", training.getId());
        }
    }
}
