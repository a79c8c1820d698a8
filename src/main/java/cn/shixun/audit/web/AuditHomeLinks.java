package cn.shixun.audit.web;

import cn.shixun.audit.AuditTrail;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** Managers' and system administrators' way in to the audit trail. */
@Component
class AuditHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        return AuditTrail.mayRead(account)
                ? List.of(new HomeLink("home.link.audit", "home.link.audit.description", "/audit", 900))
                : List.of();
    }
}
