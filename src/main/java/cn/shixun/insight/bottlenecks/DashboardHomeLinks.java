package cn.shixun.insight.bottlenecks;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The 管理看板 on the home page of those who may open it ({@link DashboardFilter#READERS}). */
@Component
class DashboardHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        return DashboardFilter.mayRead(account)
                ? List.of(new HomeLink("dashboard.title", "dashboard.home.description", "/dashboard", 150))
                : List.of();
    }
}
