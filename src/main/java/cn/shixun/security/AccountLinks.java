package cn.shixun.security;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The links an account's role has, from every module with pages: the home page's cards and every page's menu. */
@Component
public class AccountLinks {

    private final List<HomeLinks> contributors;

    AccountLinks(List<HomeLinks> contributors) {
        this.contributors = contributors;
    }

    public List<HomeLink> of(CurrentAccount account) {
        return contributors.stream().flatMap(contributor -> contributor.linksFor(account).stream())
                .sorted(Comparator.comparingInt(HomeLink::order)).toList();
    }
}
