package cn.shixun.tasks.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import cn.shixun.tasks.CaseTasks;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reviewers' and school administrators' way in to the workbench, with the number of tasks waiting there. */
@Component
class TaskHomeLinks implements HomeLinks {

    private static final Set<Role> REVIEWING = Set.of(Role.SCHOOL_ADMIN, Role.COUNTY_REVIEWER, Role.CITY_REVIEWER,
            Role.PROVINCE_REVIEWER);

    private final CaseTasks tasks;

    TaskHomeLinks(CaseTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (!REVIEWING.contains(account.role())) {
            return List.of();
        }
        return List.of(new HomeLink("home.link.workbench", "home.link.workbench.description", "/tasks", 50,
                tasks.worklistSize(account, null)));
    }
}
