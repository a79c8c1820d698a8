package cn.shixun.security.web;

import cn.shixun.security.AccountLinks;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.HomeLink;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
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

    /**
     * The 中文 / English switch next to the menu: the language it offers (the one not shown now), its label
     * written in that language, and this page to come back to.
     */
    public record LanguageSwitch(String language, String label, String back) {
    }

    public LanguageSwitch languageSwitch() {
        String back = currentRequest().map(request -> request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString())).orElse(HOME);
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())
                ? new LanguageSwitch("zh-CN", "中文", back)
                : new LanguageSwitch("en", "English", back);
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
        return currentRequest().map(HttpServletRequest::getRequestURI).orElse(null);
    }

    private static Optional<HttpServletRequest> currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return Optional.ofNullable(attributes).filter(ServletRequestAttributes.class::isInstance)
                .map(found -> ((ServletRequestAttributes) found).getRequest());
    }
}
