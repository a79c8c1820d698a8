package cn.shixun.ledger.web;

import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditableKinds;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.teacher.Teacher;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The hours page's view of one teacher: the status, the ledger's entries, and for a requirement not met
 * the kinds of training the teacher's policy version would count toward it.
 */
@Component
class HoursViews {

    private final Ledger ledger;
    private final PolicyProfiles profiles;
    private final CreditableKinds creditable;

    HoursViews(Ledger ledger, PolicyProfiles profiles, CreditableKinds creditable) {
        this.ledger = ledger;
        this.profiles = profiles;
        this.creditable = creditable;
    }

    /** {@code status} is null when it could not be computed; the entries are shown all the same. */
    HoursView of(Teacher teacher, TeacherStatus status) {
        Map<HourCategory, List<ClaimKind>> counting = status == null || status.allMet() ? Map.of()
                : creditable.byCategory(profiles.forTeacher(teacher, status.date()).key());
        return HoursView.of(status, ledger.entriesOf(teacher.getId()), counting);
    }
}
