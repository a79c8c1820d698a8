package cn.shixun.shared.web;

import cn.shixun.shared.EnumLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A code's label in the reader's language, for templates: {@code ${@labels.of(training.status())}} instead of
 * the enum's Chinese {@code label()} or its {@code name()} ({@link EnumLabels} says where the labels are kept).
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Enum<?> value) {
        return value == null ? "" : messages.getMessage(EnumLabels.key(value), null, value.name(),
                LocaleContextHolder.getLocale());
    }
}
