package cn.shixun.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link BusinessRuleException} into the sentence a person reads: its message, followed by
 * the rule id it names, e.g. "该教师没有教师资格证书，不能登记学时（R-01）". Pages and problem details use
 * {@link #forReader}; texts kept with a case (its history, a batch's per-teacher result) use
 * {@link #forRecord}, which is always Chinese because every later reader sees the same record.
 */
@Component
public class RefusalText {

    private final MessageSource messages;

    public RefusalText(MessageSource messages) {
        this.messages = messages;
    }

    /** In the language of the current request (Chinese unless the reader asked for English). */
    public String forReader(BusinessRuleException refusal) {
        return render(refusal, LocaleContextHolder.getLocale());
    }

    /** In Chinese, for a text stored with a case or a batch. */
    public String forRecord(BusinessRuleException refusal) {
        return render(refusal, Locale.SIMPLIFIED_CHINESE);
    }

    private String render(BusinessRuleException refusal, Locale locale) {
        String message = messages.getMessage(refusal.messageKey(), refusal.messageArgs(), refusal.messageKey(), locale);
        if (refusal.ruleId() == null || message.stripTrailing().endsWith(refusal.ruleId() + "）")
                || message.stripTrailing().endsWith(refusal.ruleId() + ")")) {
            return message; // a message that names its rule already does not get it twice
        }
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                ? message + "（" + refusal.ruleId() + "）"
                : message + " (" + refusal.ruleId() + ")";
    }
}
