package cn.shixun.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Test check: a refusal renders in Chinese and English with its arguments (no raw key, no format error). */
public final class Readable {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/common", "i18n/organisation", "i18n/teacher", "i18n/policy", "i18n/ledger");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private Readable() {
    }

    public static void inBothLanguages(Throwable thrown) {
        BusinessRuleException refusal = (BusinessRuleException) thrown;
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String text = MESSAGES.getMessage(refusal.messageKey(), refusal.messageArgs(), locale);
            assertThat(text).as(refusal.messageKey()).doesNotContain("{").isNotEqualTo(refusal.messageKey());
        }
    }
}
