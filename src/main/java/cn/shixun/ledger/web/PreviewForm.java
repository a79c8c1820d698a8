package cn.shixun.ledger.web;

import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.ClaimFields;
import cn.shixun.policy.DegreeLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The "what would it earn?" form as posted. Only the fields the chosen kind needs under the
 * teacher's profile ({@link ClaimFields#readBy}) go into the claim, so a value left in a field the page
 * hid cannot change the answer.
 */
record PreviewForm(ClaimKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, BigDecimal hours, Integer days,
                   Integer units, Integer sessions, Boolean excellent, Integer classSize, Integer excellentCount,
                   String role, DegreeLevel degreeLevel, Boolean subjectRelated, String certificateKind,
                   Boolean processMaterials, Integer score, Boolean realName, Boolean passed,
                   Boolean approvedByEducationAuthority) {

    static PreviewForm empty() {
        return new PreviewForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
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
        if (fields.contains("approvedByEducationAuthority")) {
            claim.approved(Boolean.TRUE.equals(approvedByEducationAuthority));
        }
        return claim.build();
    }
}
