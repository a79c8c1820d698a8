package cn.shixun.tasks.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reviewers' and school administrators' way in to the workbench. */
@Component
class TaskHomeLinks implements HomeLinks {

    private static final Set<Role> REVIEWING = Set.of(Role.SCHOOL_ADMIN, Role.COUNTY_REVIEWER, Role.CITY_REVIEWER,
            Role.PROVINCE_REVIEWER);

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (!REVIEWING.contains(account.role())) {
            return List.of();
        }
        return List.of(new HomeLink("home.link.workbench", "home.link.workbench.description", "/tasks", 50));
    }
}
