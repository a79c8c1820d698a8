package cn.shixun.schoolclass.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** 校本研修: a school administrator runs the school's classes there; the reviewers above read them. */
@Component
class SchoolClassHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (account.is(Role.SCHOOL_ADMIN)) {
            return List.of(new HomeLink("home.link.school-classes", "home.link.school-classes.description",
                    "/school-classes", 60));
        }
        if (account.is(Role.COUNTY_REVIEWER) || account.is(Role.CITY_REVIEWER)) {
            return List.of(new HomeLink("home.link.school-classes", "home.link.school-classes.reviewer-description",
                    "/school-classes", 60));
        }
        return List.of();
    }
}
