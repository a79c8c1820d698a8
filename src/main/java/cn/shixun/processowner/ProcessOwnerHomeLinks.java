package cn.shixun.processowner;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** The process owner's way in to the console, first on their home page (Cockpit's link stays, further down). */
@Component
class ProcessOwnerHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        return account.role() == Role.PROCESS_OWNER
                ? List.of(new HomeLink("home.link.process-owner", "home.link.process-owner.description", "/process-owner", 50))
                : List.of();
    }
}
