package cn.shixun.security;

import cn.shixun.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The site menu's 中文 / English switch ({@code security.web.SiteNav#languageSwitch}): keeps the choice on the
 * account through {@link AccountLocaleResolver} and goes back to the page it was pressed on.
 */
@Controller
class LanguageController {

    static final String PATH = "/account/language";

    private final LocaleResolver localeResolver;

    LanguageController(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    @PostMapping(PATH)
    String choose(@RequestParam String language, @RequestParam(defaultValue = "/") String back,
                  HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = AccountLocaleResolver.supported(Locale.forLanguageTag(language))
                .orElseThrow(() -> BusinessRuleException.malformed("language", "account.language-unsupported", language));
        localeResolver.setLocale(request, response, chosen);
        return "redirect:" + (isLocalPath(back) ? back : "/");
    }

    /** A path on this site only: "//host" and "/\host" would send the browser elsewhere. */
    static boolean isLocalPath(String back) {
        return back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\");
    }
}
