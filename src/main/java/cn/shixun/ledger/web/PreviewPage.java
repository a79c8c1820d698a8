package cn.shixun.ledger.web;

import cn.shixun.ledger.Ledger;
import cn.shixun.policy.ClaimFields;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditableKinds;
import cn.shixun.policy.CreditResult;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.policy.PolicyKey;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 学时测算: the signed-in teacher describes a training and sees what it would earn under their
 * profile, with the rule ids and the explanation, through {@link Ledger#preview}. Writes nothing.
 */
@Controller
@RequestMapping("/my/hours/preview")
class PreviewPage {

    /** A refusal or input error shown next to the field it names. */
    record FieldError(String message) {
    }

    /** What the claim would earn, ready for the page. */
    record Outcome(String hours, CreditResult result) {
    }

    private final Ledger ledger;
    private final Teachers teachers;
    private final PolicyProfiles profiles;
    private final CreditableKinds creditable;
    private final CurrentAccounts currentAccounts;
    private final MessageSource messages;
    private final RefusalText refusals;
    private final Clock clock;

    PreviewPage(Ledger ledger, Teachers teachers, PolicyProfiles profiles, CreditableKinds creditable,
                CurrentAccounts currentAccounts, MessageSource messages,
                RefusalText refusals, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.teachers = teachers;
        this.profiles = profiles;
        this.creditable = creditable;
        this.currentAccounts = currentAccounts;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", PreviewForm.empty());
        prepare(currentTeacher(), model);
        return "ledger/preview";
    }

    @PostMapping
    String preview(@ModelAttribute("form") PreviewForm form, BindingResult binding, Model model) {
        Teacher teacher = currentTeacher();
        Map<ClaimKind, Set<String>> kinds = prepare(teacher, model);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error ->
                errors.putIfAbsent(error.getField(), new FieldError(text("preview.invalid-value"))));
        // After a failed conversion the model holds no form; the handler still gets one with that value null.
        model.addAttribute("form", form == null ? PreviewForm.empty() : form);
        if (form == null || form.kind() == null) {
            errors.putIfAbsent("kind", new FieldError(text("policy.invalid.kind-required")));
        }
        if (errors.isEmpty() && form != null) {
            Set<String> fields = kinds.getOrDefault(form.kind(), Set.of());
            try {
                CreditResult result = ledger.preview(teacher.getId(), form.toClaim(fields));
                model.addAttribute("outcome", new Outcome(HoursView.plain(result.hours()), result));
            } catch (BusinessRuleException refused) {
                FieldError error = new FieldError(refusals.forReader(refused));
                if (shownFields(fields).contains(refused.field())) {
                    errors.put(refused.field(), error);
                } else {
                    model.addAttribute("formError", error);
                }
            }
        }
        model.addAttribute("errors", errors);
        return "ledger/preview";
    }

    /** Puts the kinds this teacher's profile credits, and which fields each needs, into the model. */
    private Map<ClaimKind, Set<String>> prepare(Teacher teacher, Model model) {
        Map<ClaimKind, Set<String>> kinds = new EnumMap<>(ClaimKind.class);
        try {
            PolicyKey key = profiles.forTeacher(teacher, LocalDate.now(clock)).key();
            creditable.rules(key).forEach((kind, rule) -> kinds.put(kind, ClaimFields.readBy(kind, rule)));
        } catch (BusinessRuleException noProfile) {
            model.addAttribute("formError", new FieldError(refusals.forReader(noProfile)));
        }
        Map<String, String> fieldKinds = new LinkedHashMap<>();
        for (String field : ClaimFields.OPTIONAL) {
            String usedBy = kinds.entrySet().stream().filter(e -> e.getValue().contains(field))
                    .map(e -> e.getKey().name()).collect(Collectors.joining(" "));
            // Thymeleaf drops an empty attribute, which would leave the field always shown: "-" matches no kind.
            fieldKinds.put(field, usedBy.isEmpty() ? "-" : usedBy);
        }
        model.addAttribute("teacher", teacher);
        model.addAttribute("kinds", List.copyOf(kinds.keySet()));
        model.addAttribute("fieldKinds", fieldKinds);
        model.addAttribute("degreeLevels", DegreeLevel.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("errors", Map.of());
        return kinds;
    }

    /** The inputs on the page for a kind: those always there, the kind's own, and the excellent-trainee details. */
    private static Set<String> shownFields(Set<String> kindFields) {
        Set<String> shown = new HashSet<>(kindFields);
        shown.addAll(List.of("kind", "startDate", "endDate"));
        if (kindFields.contains("excellent")) {
            shown.addAll(List.of("classSize", "excellentCount"));
        }
        return shown;
    }

    private Teacher currentTeacher() {
        CurrentAccount account = currentAccounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException("the preview is for teachers; " + account.username() + " is " + account.role());
        }
        return teachers.require(account.teacherId());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
