package cn.shixun.admin.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** 账号管理, 机构管理 and 培训机构 for system administrators, on the home page and in every page's menu. */
@Component
class AdminHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (!account.is(Role.SYSTEM_ADMIN)) {
            return List.of();
        }
        return List.of(
                new HomeLink("home.link.admin-accounts", "home.link.admin-accounts.description", "/admin/accounts", 700),
                new HomeLink("home.link.admin-organisations", "home.link.admin-organisations.description",
                        "/admin/organisations", 710),
                new HomeLink("home.link.admin-providers", "home.link.admin-providers.description", "/admin/providers",
                        720));
    }
}
