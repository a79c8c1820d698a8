package cn.shixun.exemption.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** Teachers' way in to their degree-exemption applications. */
@Component
class ExemptionHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (!account.isTeacher()) {
            return List.of();
        }
        return List.of(new HomeLink("home.link.my-exemptions", "home.link.my-exemptions.description", "/my/exemptions", 120));
    }
}
