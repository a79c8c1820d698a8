package cn.shixun.ledger.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A teacher's way in to their hours and to the "what would it earn?" calculator; a school
 * administrator's to the school's list of teachers.
 */
@Component
class LedgerHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (account.is(Role.SCHOOL_ADMIN)) {
            return List.of(new HomeLink("home.link.school-teachers", "home.link.school-teachers.description",
                    "/schools/" + account.organisationId() + "/teachers", 100));
        }
        if (!account.isTeacher()) {
            return List.of();
        }
        return List.of(
                new HomeLink("home.link.my-hours", "home.link.my-hours.description", "/my/hours", 100),
                new HomeLink("home.link.preview", "home.link.preview.description", "/my/hours/preview", 110));
    }
}
