package cn.shixun.inbox.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** Everyone's way in to their messages. */
@Component
class InboxHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        return List.of(new HomeLink("home.link.inbox", "home.link.inbox.description", "/messages", 900));
    }
}
