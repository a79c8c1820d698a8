package cn.shixun.countyplan.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The county bureau files its annual plan and the city works the filing: both find the plans from the home page. */
@Component
class CountyPlanHomeLinks implements HomeLinks {

    private static final Set<Role> FILING = Set.of(Role.COUNTY_REVIEWER, Role.CITY_REVIEWER);

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (!FILING.contains(account.role())) {
            return List.of();
        }
        return List.of(new HomeLink("home.link.county-plans", "home.link.county-plans.description", "/county-plans", 60));
    }
}
