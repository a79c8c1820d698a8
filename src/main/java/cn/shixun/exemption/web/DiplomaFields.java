package cn.shixun.exemption.web;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The diploma form as both exemption pages show it ({@code exemption/diploma-fields}): the values
 * typed, each refusal at the field it names, the teacher's earlier uploads; and the pages' texts.
 */
@Component
class DiplomaFields {

    /** The form's fields, where a refusal naming one of them is shown; any other refusal goes above the form. */
    private static final Set<String> FIELDS = Set.of("institution", "degreeLevel", "major", "educationRelated",
            "studyStart", "studyEnd", "certificateNumber", "diplomaFile");

    private final EvidenceFiles evidence;
    private final RefusalText refusals;
    private final MessageSource messages;
    private final Clock clock;

    DiplomaFields(EvidenceFiles evidence, RefusalText refusals, MessageSource messages, Clock clock) {
        this.evidence = evidence;
        this.refusals = refusals;
        this.messages = messages;
        this.clock = clock;
    }

    /** What {@code exemption/diploma-fields} shows: the values typed, the refusals, the teacher's earlier uploads. */
    void show(Model model, Long teacherId, DiplomaForm form, Map<String, String> errors, String formError) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("uploads", evidence.ofTeacher(teacherId));
        model.addAttribute("degreeLevels", DegreeLevel.values());
        model.addAttribute("today", LocalDate.now(clock));
    }

    /** The refusal's message, put at the field it names, or returned for the top. */
    String refused(BusinessRuleException refusal, Map<String, String> errors) {
        String message = refusals.forReader(refusal);
        if (FIELDS.contains(refusal.field())) {
            errors.put(refusal.field(), message);
            return null;
        }
        return message;
    }

    Map<String, String> conversionErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), text("exemption.page.invalid-value")));
        return errors;
    }

    String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
