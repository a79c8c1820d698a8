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

    static boolean maySee(AccessScope scope, CurrentAccount account, Long schoolId) {
        return ROLES.contains(account.role()) && scope.covers(account, schoolId);
    }
}
