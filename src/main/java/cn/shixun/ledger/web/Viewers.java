package cn.shixun.ledger.web;

import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** Who may look at other people's hours: school administrators, reviewers and managers, within their scope. */
final class Viewers {

    private static final Set<Role> ROLES = EnumSet.of(Role.SCHOOL_ADMIN, Role.COUNTY_REVIEWER, Role.CITY_REVIEWER,
            Role.PROVINCE_REVIEWER, Role.MANAGER);

    private Viewers() {
    }

    /** Whether the account's role looks at other people's hours at all (else 403, whatever the teacher). */
    static boolean mayLook(CurrentAccount account) {
        return ROLES.contains(account.role());
    }

    static boolean maySee(AccessScope scope, CurrentAccount account, Long schoolId) {
        return mayLook(account) && scope.covers(account, schoolId);
    }
}
