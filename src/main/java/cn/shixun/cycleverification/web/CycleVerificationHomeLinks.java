package cn.shixun.cycleverification.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** A school administrator's way in to the five-year verification; a teacher's to their own case and certificate. */
@Component
class CycleVerificationHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (account.is(Role.SCHOOL_ADMIN)) {
            return List.of(new HomeLink("home.link.cycle-school", "home.link.cycle-school.description",
                    "/cycle-verifications", 130));
        }
        if (account.isTeacher()) {
            return List.of(new HomeLink("home.link.cycle-mine", "home.link.cycle-mine.description",
                    "/cycle-verifications/mine", 130));
        }
        return List.of();
    }
}
