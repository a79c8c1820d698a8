package cn.shixun.annual.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** A school administrator's way in to the school's annual registration; a teacher's to their own card. */
@Component
class AnnualHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (account.is(Role.SCHOOL_ADMIN)) {
            return List.of(new HomeLink("home.link.annual-school", "home.link.annual-school.description",
                    "/annual-registrations", 120));
        }
        if (account.isTeacher()) {
            return List.of(new HomeLink("home.link.annual-mine", "home.link.annual-mine.description",
                    "/annual-registrations/mine", 120));
        }
        return List.of();
    }
}
