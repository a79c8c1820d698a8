package cn.shixun.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of every page and problem detail: the one the signed-in account chose with the site menu's
 * 中文 / English switch (kept on the account, so it follows the person to another browser), else the browser's
 * Accept-Language, else Simplified Chinese. Spring MVC asks the resolver on every message it renders, so the
 * answer is kept on the request.
 */
@Component("localeResolver")
class AccountLocaleResolver implements LocaleResolver {

    /** What the switch offers; a browser asking for anything else gets Chinese. */
    static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private static final String RESOLVED = AccountLocaleResolver.class.getName() + ".locale";

    private final Accounts accounts;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    AccountLocaleResolver(Accounts accounts) {
        this.accounts = accounts;
        browser.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        browser.setSupportedLocales(LANGUAGES);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        Optional<String> username = signedInUsername();
        Locale locale = username.flatMap(accounts::languageOf).flatMap(AccountLocaleResolver::supported)
                .orElseGet(() -> browser.resolveLocale(request));
        // Kept only once someone is signed in: the request that signs in must not fix the language before it.
        username.ifPresent(signedIn -> request.setAttribute(RESOLVED, locale));
        return locale;
    }

    /** The switch: kept on the signed-in account (an anonymous request has nowhere to keep it). */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale language = supported(locale).orElseThrow(() -> new IllegalArgumentException("unsupported language " + locale));
        String username = signedInUsername().orElseThrow(() -> new IllegalStateException("no signed-in account"));
        accounts.chooseLanguage(username, language);
        request.setAttribute(RESOLVED, language);
    }

    /** {@code locale} as one of {@link #LANGUAGES} (zh, zh-CN, zh-Hans → 中文; en, en-GB → English), if it is one. */
    static Optional<Locale> supported(Locale locale) {
        return LANGUAGES.stream().filter(language -> language.getLanguage().equals(locale.getLanguage())).findFirst();
    }

    private static Optional<String> signedInUsername() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }
}
