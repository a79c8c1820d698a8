package cn.shixun.policy;

import cn.shixun.shared.BusinessRuleException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a claim's optional fields its kind reads under the profile's credit rule, so that no
 * input that could change credited hours is silently ignored or silently assumed: a field the
 * kind does not read is refused, naming what the kind does read (an outreach claim counts
 * {@code units}, not {@code sessions}), and a training whose kind does not itself say that an
 * education authority ran or approved it must say so.
 */
public final class ClaimFields {

    /** The optional fields a person fills in, in the order the preview page shows them. */
    public static final List<String> OPTIONAL = List.of("hours", "days", "units", "sessions", "role", "excellent",
            "degreeLevel", "subjectRelated", "certificateKind", "processMaterials", "score", "realName", "passed",
            "approvedByEducationAuthority");

    /**
     * Kinds credited for training an education authority either ran or approved (Kunming 第五条:
     * "组织或批准举办的各类培训"; Sanmenxia 七(三)3: "未经备案或授权的……均不纳入"): which of the two,
     * if either, is what R-23 asks, so the claim must answer it. Other kinds name their organiser
     * (国培、省培, new-teacher training, the school's own research…) or are judged by another field
     * (a degree's national series, a certificate's kind).
     */
    static final Set<ClaimKind> APPROVAL_STATED = EnumSet.of(ClaimKind.BUREAU_TRAINING, ClaimKind.SUBJECT_TRAINING);


    private ClaimFields() {
    }

    /** The optional fields (of {@link #OPTIONAL}) a claim of {@code kind} reads under {@code rule}. */
    public static Set<String> readBy(ClaimKind kind, CreditRule rule) {
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
        if (APPROVAL_STATED.contains(kind)) {
            fields.add("approvedByEducationAuthority");
        }
        return fields;
    }

    /** Refuses a claim of a kind that must state its approval and does not. */
    static void requireStatedApproval(Claim claim) {
        if (APPROVAL_STATED.contains(claim.kind()) && claim.approvedByEducationAuthority() == null) {
            throw BusinessRuleException.violation("R-23", "approvedByEducationAuthority",
                    "policy.invalid.approval-required", claim.kind().label());
        }
    }

    /**
     * Refuses a claim that carries a field its kind does not read. Any claim may say it was
     * <em>not</em> approved (R-23 refuses it then). Called once the claim is otherwise complete, so
     * that a missing field is asked for first ("请填写学时" before "days is not used").
     */
    static void refuseUnread(Claim claim, CreditRule rule) {
        Set<String> read = readBy(claim.kind(), rule);
        for (String field : carriedBy(claim)) {
            if (!readsAlso(claim.kind(), read, field)) {
                throw BusinessRuleException.violation(rule.ruleId(), field, "policy.invalid.field-not-used", field,
                        claim.kind().label(), read.isEmpty() ? "—" : String.join("、", read));
            }
        }
    }

    /**
     * Fields read beyond {@link #readBy}: an excellent rating is a fact of the class (a school class grades its
     * learners whatever the profile), which the calculator reads everywhere and answers in its explanation where the
     * profile gives no bonus (R-14: 本方案此类培训无优秀学员加计); a degree's series; a MOOC's screenshot.
     */
    private static boolean readsAlso(ClaimKind kind, Set<String> read, String field) {
        return switch (field) {
            case "excellent", "classSize", "excellentCount" -> true;
            case "nationalSeries", "remedial" -> kind.isDegree();
            case "hoursFromScreenshot", "screenshotRef" -> kind == ClaimKind.MOOC;
            case "approvedByEducationAuthority" -> true;
            default -> read.contains(field);
        };
    }

    private static List<String> carriedBy(Claim claim) {
        List<String> fields = new ArrayList<>();
        addIf(fields, "hours", claim.hours() != null);
        addIf(fields, "days", claim.days() != null);
        addIf(fields, "units", claim.units() != null);
        addIf(fields, "sessions", claim.sessions() != null);
        addIf(fields, "role", claim.role() != null);
        addIf(fields, "excellent", claim.excellent());
        addIf(fields, "classSize", claim.classSize() != null);
        addIf(fields, "excellentCount", claim.excellentCount() != null);
        addIf(fields, "degreeLevel", claim.degreeLevel() != null);
        addIf(fields, "subjectRelated", claim.subjectRelated() != null);
        addIf(fields, "nationalSeries", claim.nationalSeries() != null);
        addIf(fields, "remedial", claim.remedial());
        addIf(fields, "certificateKind", claim.certificateKind() != null);
        addIf(fields, "processMaterials", claim.processMaterials());
        addIf(fields, "score", claim.score() != null);
        addIf(fields, "realName", claim.realName() != null);
        addIf(fields, "hoursFromScreenshot", claim.hoursFromScreenshot());
        addIf(fields, "screenshotRef", claim.screenshotRef() != null);
        addIf(fields, "passed", claim.passed() != null);
        addIf(fields, "approvedByEducationAuthority", claim.approvedByEducationAuthority() != null);
        return fields;
    }

    private static void addIf(List<String> fields, String field, boolean carried) {
        if (carried) {
            fields.add(field);
        }
    }
}
