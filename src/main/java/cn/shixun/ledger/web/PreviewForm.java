package cn.shixun.ledger.web;

import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditRule;
import cn.shixun.policy.DegreeLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The "what would it earn?" form as posted. Only the fields the chosen kind needs under the
 * teacher's profile ({@link #fieldsFor}) go into the claim, so a value left in a field the page
 * hid cannot change the answer.
 */
record PreviewForm(ClaimKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, BigDecimal hours, Integer days,
                   Integer units, Integer sessions, Boolean excellent, Integer classSize, Integer excellentCount,
                   String role, DegreeLevel degreeLevel, Boolean subjectRelated, String certificateKind,
                   Boolean processMaterials, Integer score, Boolean realName, Boolean passed) {

    /** Every optional field of the form, in page order; kind, start and end date are always shown. */
    static final List<String> OPTIONAL_FIELDS = List.of("hours", "days", "units", "sessions", "role", "excellent",
            "degreeLevel", "subjectRelated", "certificateKind", "processMaterials", "score", "realName", "passed");

    static PreviewForm empty() {
        return new PreviewForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** The fields a claim of {@code kind} needs, read from the profile's credit rule for it. */
    static Set<String> fieldsFor(ClaimKind kind, CreditRule rule) {
        Set<String> fields = new LinkedHashSet<>();
        if (rule.refused()) {
            return fields; // the calculator refuses the kind itself, naming the rule
        }
        switch (rule.hoursSource()) {
            case STATED, MULTIPLE -> fields.add("hours");
            case PER_UNIT -> fields.add("units");
        }
        if (rule.hoursPerDay() != null) {
            fields.add("days");
        }
        if (rule.minimumSessions() != null) {
            fields.add("sessions");
        }
        if (rule.excellentMultiplier() != null) {
            fields.add("excellent");
        }
        if (rule.requiresProcessMaterials()) {
            fields.add("processMaterials");
        }
        switch (kind) {
            case MASTER_BASE -> fields.add("role");
            case DEGREE_STUDY_YEAR -> fields.addAll(List.of("degreeLevel", "subjectRelated"));
            case DEGREE_OBTAINED -> fields.add("subjectRelated");
            case PROFESSIONAL_CERTIFICATE -> fields.add("certificateKind");
            case MOOC -> fields.addAll(List.of("score", "realName"));
            case ONLINE_WHOLE_STAFF -> fields.add("passed");
            default -> {
                // the credit rule says all
            }
        }
        return fields;
    }

    /** The claim, with only {@code fields} taken from the form. */
    Claim toClaim(Set<String> fields) {
        Claim.Builder claim = Claim.of(kind, endDate).from(startDate);
        if (fields.contains("hours") && hours != null) {
            claim.hours(hours.toPlainString());
        }
        if (fields.contains("days") && days != null) {
            claim.days(days);
        }
        if (fields.contains("units") && units != null) {
            claim.units(units);
        }
        if (fields.contains("sessions") && sessions != null) {
            claim.sessions(sessions);
        }
        if (fields.contains("role")) {
            claim.role(role);
        }
        if (fields.contains("excellent") && Boolean.TRUE.equals(excellent)) {
            claim.excellent(excellentCount == null ? 0 : excellentCount, classSize == null ? 0 : classSize);
        }
        if (fields.contains("degreeLevel")) {
            claim.degree(degreeLevel);
        }
        if (fields.contains("subjectRelated")) {
            claim.subjectRelated(Boolean.TRUE.equals(subjectRelated));
        }
        if (fields.contains("certificateKind")) {
            claim.certificate(certificateKind);
        }
        if (fields.contains("processMaterials") && Boolean.TRUE.equals(processMaterials)) {
            claim.processMaterials();
        }
        if (fields.contains("score") && score != null) {
            claim.score(score);
        }
        if (fields.contains("realName")) {
            claim.realName(Boolean.TRUE.equals(realName));
        }
        if (fields.contains("passed")) {
            claim.passed(Boolean.TRUE.equals(passed));
        }
        return claim.build();
    }
}
