package cn.shixun.training.web;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * What the training pages' forms say back, in the reader's language: a refusal at the field it
 * names (or above the form), a value that did not convert, and the pages' own texts.
 */
@Component
class TrainingForms {

    static final Set<String> PLAN_FIELDS = Set.of("providerId", "projectName", "startDate", "endDate", "place",
            "plannedContent", "planFile");
    static final Set<String> COMPLETION_FIELDS = Set.of("certificateNumber", "certificateKind", "statedHours",
            "statedDays", "certificateFile");

    private final RefusalText refusals;
    private final MessageSource messages;

    TrainingForms(RefusalText refusals, MessageSource messages) {
        this.refusals = refusals;
        this.messages = messages;
    }

    /** The refusal's message, put at the form field it names, or returned to be shown above the form. */
    String refused(BusinessRuleException refusal, Map<String, String> errors, Set<String> fields) {
        String message = forReader(refusal);
        if (fields.contains(refusal.field())) {
            errors.put(refusal.field(), message);
            return null;
        }
        return message;
    }

    String forReader(BusinessRuleException refusal) {
        return refusals.forReader(refusal);
    }

    Map<String, String> conversionErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(),
                text("training.page.invalid-value")));
        return errors;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
