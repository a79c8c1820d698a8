package cn.shixun.insight.completion;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The way in to 学时完成情况 for those who see it. */
@Component
class CompletionHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        return CompletionScope.VIEWERS.contains(account.role())
                ? List.of(new HomeLink("home.link.completion", "home.link.completion.description", "/dashboard/completion", 150))
                : List.of();
    }
}
