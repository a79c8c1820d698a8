package cn.shixun.security.web;

import cn.shixun.security.AccountLinks;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.HomeLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every page's menu: home and the links of the account's role (the home page's cards, {@link AccountLinks}), the
 * page being shown marked, what waits at each (the workbench's open tasks) counted. Templates call it as
 * {@code ${@siteNav.items()}}; public pages have none.
 */
@Component("siteNav")
public class SiteNav {

    static final String HOME = "/";

    private final CurrentAccounts currentAccounts;
    private final AccountLinks links;

    SiteNav(CurrentAccounts currentAccounts, AccountLinks links) {
        this.currentAccounts = currentAccounts;
        this.links = links;
    }

    /** One entry: its text (a message key), where it goes, what waits there (or null), and whether it is this page. */
    public record Item(String titleKey, String href, Long count, boolean current) {
    }

    public List<Item> items() {
        return currentAccounts.current().map(account -> items(links.of(account), currentPath())).orElse(List.of());
    }

    /** The page is the entry whose path is the longest that starts the page's own (/my/hours/preview is not 我的学时). */
    static List<Item> items(List<HomeLink> links, String path) {
        List<HomeLink> entries = new ArrayList<>();
        entries.add(new HomeLink("nav.home", null, HOME, Integer.MIN_VALUE));
        entries.addAll(links);
        String current = entries.stream().map(HomeLink::href).filter(href -> shows(href, path))
                .max(Comparator.comparingInt(String::length)).orElse(null);
        return entries.stream().map(link -> new Item(link.titleKey(), link.href(), link.count(),
                link.href().equals(current))).toList();
    }

    private static boolean shows(String href, String path) {
        if (path == null) {
            return false;
        }
        return HOME.equals(href) ? HOME.equals(path) : path.equals(href) || path.startsWith(href + "/");
    }

    private static String currentPath() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return Optional.ofNullable(attributes).filter(ServletRequestAttributes.class::isInstance)
                .map(found -> ((ServletRequestAttributes) found).getRequest().getRequestURI()).orElse(null);
    }
}
