package cn.shixun.policy;

import cn.shixun.organisation.Stage;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.EnumLabels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;

/**
 * Turns a claim into credited hours under the teacher's profile (R-12..R-24). The per-kind
 * figures come from the decision tables; this class validates the input, applies the figures,
 * and aggregates against what is already credited (caps, unit limits). It writes nothing.
 *
 * <p>Over 300 lines because it is a calculator of many small rules (R-12..R-24), one short method
 * each, around the one public {@link #calculate}; one collaborator, no state.
 */
@Service
public class HourCalculator {

    private static final BigDecimal MAX_HOURS_PER_DAY = new BigDecimal("24");
    /** No single certificate plausibly states more; larger numbers are typing errors. */
    private static final BigDecimal MAX_STATED_HOURS = new BigDecimal("1000");
    private static final int MAX_UNITS = 50;
    private static final int MAX_DAYS = 366;
    private static final int MOOC_PASS_SCORE = 60;
    private static final int MOOC_REAL_NAME_FROM_YEAR = 2020;

    private final PolicyDecisions decisions;

    public HourCalculator(PolicyDecisions decisions) {
        this.decisions = decisions;
    }

    public CreditResult calculate(TeacherPolicy teacher, Claim claim, PriorCredits prior, LocalDate today) {
        validate(claim, today);
        refuseNotRegistrable(claim);
        ClaimFields.requireStatedApproval(claim);
        PolicyKey key = teacher.key();
        CreditRule rule = decisions.creditRule(key, claim.kind(), claim.role());
        if (rule.refused()) {
            throw BusinessRuleException.violation(rule.ruleId(), "kind", rule.refusal(), EnumLabels.argument(claim.kind()),
                    teacher.profile().label());
        }
        List<String> rules = new ArrayList<>();
        rules.add(rule.ruleId());
        StringBuilder why = new StringBuilder(claim.kind().label()).append("（").append(teacher.profile().label())
                .append("，").append(rule.ruleId()).append("）：");
        HourCategory category = rule.category();
        if (claim.kind() == ClaimKind.PROFESSIONAL_CERTIFICATE) {
            Recognition recognition = decisions.recognition(key, claim.certificateKind());
            if (!recognition.recognised()) {
                throw BusinessRuleException.violation(recognition.ruleId(), "certificateKind", recognition.reason(),
                        certificateKindLabel(claim.certificateKind()));
            }
            addOnce(rules, recognition.ruleId());
            if (recognition.category() != null) {
                category = recognition.category();
            }
        }
        checkKindSpecific(teacher, claim, rule);

        int units = claim.units() == null ? 1 : claim.units();
        if (rule.maxUnits() != null) {
            int remainingUnits = rule.maxUnits() - prior.unitsCredited(claim.kind());
            if (remainingUnits <= 0) {
                throw BusinessRuleException.violation(rule.ruleId(), "units", "policy.refused.units-exhausted",
                        rule.maxUnits());
            }
            if (units > remainingUnits) {
                why.append("最多计").append(rule.maxUnits()).append("个单位，本次只计").append(remainingUnits).append("个；");
                units = remainingUnits;
            }
        }
        BigDecimal hours = baseHours(claim, rule, units, rules, why);
        ClaimFields.refuseUnread(claim, rule);
        hours = applyExcellent(claim, rule, hours, rules, why);

        boolean capped = false;
        if (rule.yearlyCap() != null) {
            int year = claim.endDate().getYear();
            BigDecimal already = prior.creditedInYear(claim.kind(), year);
            BigDecimal room = rule.yearlyCap().subtract(already);
            if (room.signum() <= 0) {
                throw BusinessRuleException.violation(rule.ruleId(), "kind", "policy.refused.cap-full",
                        claim.kind().label(), year, rule.yearlyCap());
            }
            if (hours.compareTo(room) > 0) {
                why.append("年度上限").append(plain(rule.yearlyCap())).append("学时，").append(year).append("年已登记")
                        .append(plain(already)).append("学时，本次只计").append(plain(room)).append("学时（已达上限）；");
                hours = room;
                capped = true;
            }
        }
        hours = hours.setScale(2, RoundingMode.HALF_UP);
        if (category == HourCategory.DEGREE_EXEMPTION) {
            why.append(exemptionNote(teacher, claim, key));
        }
        why.append("计").append(hours.toPlainString()).append("学时，类别：").append(category.label()).append("。");
        return new CreditResult(claim.kind(), category, hours, units, claim.endDate(), List.copyOf(rules),
                teacher.profile(), rule.decision(), capped, why.toString());
    }

    /** Whether {@code hours} is 0.00 at the ledger's two decimals. */
    public static boolean roundsToZero(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.HALF_UP).signum() == 0;
    }

    private static void validate(Claim claim, LocalDate today) {
        if (claim.kind() == null) {
            throw BusinessRuleException.violation(null, "kind", "policy.invalid.kind-required");
        }
        if (claim.endDate() == null) {
            throw BusinessRuleException.violation(null, "endDate", "policy.invalid.end-date-required");
        }
        if (claim.endDate().isAfter(today)) {
            throw BusinessRuleException.violation(null, "endDate", "policy.invalid.future-date", claim.endDate());
        }
        if (claim.startDate() != null && claim.startDate().isAfter(claim.endDate())) {
            throw BusinessRuleException.violation(null, "startDate", "policy.invalid.end-before-start",
                    claim.startDate(), claim.endDate());
        }
        long rangeDays = claim.startDate() == null ? Long.MAX_VALUE
                : ChronoUnit.DAYS.between(claim.startDate(), claim.endDate()) + 1;
        if (claim.hours() != null) {
            if (claim.hours().signum() <= 0) {
                throw BusinessRuleException.violation(null, "hours", "policy.invalid.hours-not-positive", claim.hours());
            }
            if (roundsToZero(claim.hours())) {
                // The ledger keeps two decimals: 0.001 h would be registered as a 0.00 h entry.
                throw BusinessRuleException.violation("R-40", "hours", "policy.invalid.hours-round-to-zero",
                        claim.hours().toPlainString());
            }
            if (claim.hours().compareTo(MAX_STATED_HOURS) > 0) {
                throw BusinessRuleException.violation(null, "hours", "policy.invalid.hours-absurd", claim.hours());
            }
            if (claim.hours().compareTo(MAX_HOURS_PER_DAY.multiply(BigDecimal.valueOf(Math.min(rangeDays, 1000)))) > 0) {
                throw BusinessRuleException.violation(null, "hours", "policy.invalid.hours-exceed-days", claim.hours(), rangeDays);
            }
        }
        if (claim.days() != null) {
            if (claim.days() <= 0 || claim.days() > MAX_DAYS) {
                throw BusinessRuleException.violation(null, "days", "policy.invalid.days-out-of-range", claim.days());
            }
            if (claim.days() > rangeDays) {
                throw BusinessRuleException.violation("R-13", "days", "policy.invalid.days-exceed-range", claim.days(), rangeDays);
            }
        }
        if (claim.units() != null && (claim.units() <= 0 || claim.units() > MAX_UNITS)) {
            throw BusinessRuleException.violation(null, "units", "policy.invalid.units-out-of-range", claim.units());
        }
        if (claim.excellent()) {
            validateExcellentShare(claim);
        }
        if (claim.kind() == ClaimKind.MASTER_BASE && !"CONVENER".equals(claim.role()) && !"MEMBER".equals(claim.role())) {
            throw BusinessRuleException.violation("R-19", "role", "policy.invalid.master-base-role", claim.role());
        }
    }

    /** at most 10% of a class may be rated excellent; a larger share is refused, not trimmed. */
    private static void validateExcellentShare(Claim claim) {
        if (claim.classSize() == null || claim.classSize() <= 0) {
            throw BusinessRuleException.violation("R-14", "classSize", "policy.invalid.class-size-required");
        }
        if (claim.excellentCount() == null || claim.excellentCount() <= 0 || claim.excellentCount() > claim.classSize()) {
            throw BusinessRuleException.violation("R-14", "excellentCount", "policy.invalid.excellent-count", claim.excellentCount());
        }
        if (claim.excellentCount() * 10L > claim.classSize()) {
            throw BusinessRuleException.violation("R-14", "excellentCount", "policy.refused.excellent-over-ten-percent",
                    claim.excellentCount(), claim.classSize());
        }
    }

    /** unapproved training, degrees outside the national series and remedial degrees earn nothing. */
    private static void refuseNotRegistrable(Claim claim) {
        if (Boolean.FALSE.equals(claim.approvedByEducationAuthority())) {
            throw BusinessRuleException.violation("R-23", "approvedByEducationAuthority", "policy.refused.not-approved");
        }
        if (claim.kind().isDegree()) {
            if (Boolean.FALSE.equals(claim.nationalSeries())) {
                throw BusinessRuleException.violation("R-23", "nationalSeries", "policy.refused.not-national-series");
            }
            if (claim.remedial()) {
                throw BusinessRuleException.violation("R-23", "remedial", "policy.refused.remedial-degree");
            }
        }
    }

    private static void checkKindSpecific(TeacherPolicy teacher, Claim claim, CreditRule rule) {
        if (rule.category() == HourCategory.DEGREE_EXEMPTION && Boolean.FALSE.equals(claim.subjectRelated())) {
            throw BusinessRuleException.violation("R-16", "subjectRelated", "policy.refused.degree-not-education-related");
        }
        if (rule.requiresProcessMaterials() && !claim.processMaterials()) {
            throw BusinessRuleException.violation(rule.ruleId(), "processMaterials", "policy.refused.process-materials-required");
        }
        if (rule.minimumSessions() != null && (claim.sessions() == null || claim.sessions() < rule.minimumSessions())) {
            throw BusinessRuleException.violation(rule.ruleId(), "sessions", "policy.refused.too-few-sessions",
                    rule.minimumSessions());
        }
        switch (claim.kind()) {
            case NEW_TEACHER_TRAINING -> {
                if (teacher.hireDate() != null && claim.endDate().isBefore(teacher.hireDate())) {
                    throw BusinessRuleException.violation(rule.ruleId(), "endDate", "policy.refused.new-teacher-before-hire",
                            claim.endDate(), teacher.hireDate());
                }
            }
            case DEGREE_STUDY_YEAR -> checkDegreeLevel(teacher.stage(), claim);
            case MOOC -> checkMooc(claim);
            case ONLINE_WHOLE_STAFF -> {
                if (!Boolean.TRUE.equals(claim.passed())) {
                    throw BusinessRuleException.violation("R-24", "passed", "policy.refused.not-passed");
                }
            }
            default -> {
                // the other kinds need no check beyond the table's figures
            }
        }
    }

    /** primary (and kindergarten, special) needs junior college, middle bachelor, high postgraduate. */
    private static void checkDegreeLevel(Stage stage, Claim claim) {
        if (claim.degreeLevel() == null) {
            throw BusinessRuleException.violation("R-15", "degreeLevel", "policy.invalid.degree-level-required");
        }
        if (Boolean.FALSE.equals(claim.subjectRelated())) {
            throw BusinessRuleException.violation("R-15", "subjectRelated", "policy.refused.degree-not-subject-related");
        }
        DegreeLevel needed = DegreeLevel.minimumFor(stage);
        if (claim.degreeLevel().compareTo(needed) < 0) {
            throw BusinessRuleException.violation("R-15", "degreeLevel", "policy.refused.degree-level-too-low",
                    claim.degreeLevel().label(), stage.label(), needed.label());
        }
    }

    /** a pass is 60 or more; from 2020 only real-name study; screenshot hours need the screenshot. */
    private static void checkMooc(Claim claim) {
        if (claim.score() == null || claim.score() < MOOC_PASS_SCORE) {
            throw BusinessRuleException.violation("R-22", "score", "policy.refused.mooc-score", claim.score());
        }
        if (claim.endDate().getYear() >= MOOC_REAL_NAME_FROM_YEAR && !Boolean.TRUE.equals(claim.realName())) {
            throw BusinessRuleException.violation("R-22", "realName", "policy.refused.mooc-real-name");
        }
        if (claim.hoursFromScreenshot() && (claim.screenshotRef() == null || claim.screenshotRef().isBlank())) {
            throw BusinessRuleException.violation("R-22", "screenshotRef", "policy.refused.mooc-screenshot-required");
        }
    }

    private static BigDecimal baseHours(Claim claim, CreditRule rule, int units, List<String> rules, StringBuilder why) {
        return switch (rule.hoursSource()) {
            case PER_UNIT -> {
                BigDecimal hours = rule.perUnitHours().multiply(BigDecimal.valueOf(units));
                why.append(units).append("×").append(plain(rule.perUnitHours())).append("学时=").append(plain(hours)).append("学时；");
                yield hours;
            }
            case MULTIPLE -> {
                BigDecimal stated = requireHours(claim, rule);
                BigDecimal hours = stated.multiply(rule.multiplier());
                why.append("实际授课").append(plain(stated)).append("学时×").append(plain(rule.multiplier())).append("=")
                        .append(plain(hours)).append("学时；");
                yield hours;
            }
            case STATED -> {
                if (claim.hours() != null) {
                    why.append("证书/通知学时").append(plain(claim.hours())).append("学时；");
                    yield claim.hours();
                }
                if (claim.days() != null && rule.hoursPerDay() != null) {
                    BigDecimal hours = rule.hoursPerDay().multiply(BigDecimal.valueOf(claim.days()));
                    addOnce(rules, "R-13");
                    why.append("未标明学时，").append(claim.days()).append("天×").append(plain(rule.hoursPerDay()))
                            .append("学时=").append(plain(hours)).append("学时（R-13）；");
                    yield hours;
                }
                yield requireHours(claim, rule);
            }
        };
    }

    private static BigDecimal requireHours(Claim claim, CreditRule rule) {
        if (claim.hours() == null) {
            String key = claim.days() != null ? "policy.refused.days-not-convertible" : "policy.invalid.hours-required";
            throw BusinessRuleException.violation(rule.ruleId(), "hours", key);
        }
        return claim.hours();
    }

    private static BigDecimal applyExcellent(Claim claim, CreditRule rule, BigDecimal hours, List<String> rules, StringBuilder why) {
        if (!claim.excellent()) {
            return hours;
        }
        if (rule.excellentMultiplier() == null) {
            why.append("本方案此类培训无优秀学员加计；");
            return hours;
        }
        BigDecimal raised = hours.multiply(rule.excellentMultiplier());
        addOnce(rules, "R-14");
        why.append("优秀学员（").append(claim.excellentCount()).append("/").append(claim.classSize()).append("≤10%）×")
                .append(plain(rule.excellentMultiplier().movePointRight(2))).append("%=").append(plain(raised)).append("学时（R-14）；");
        return raised;
    }

    /** the exemption belongs to the cycle in which the degree is obtained, never the one in which it began. */
    private String exemptionNote(TeacherPolicy teacher, Claim claim, PolicyKey key) {
        CycleRule cycleRule = decisions.cycleRule(key);
        Cycle cycle = Cycles.cycleOn(cycleRule, teacher, claim.endDate());
        String note = "于" + claim.endDate() + "取得学历，免修所在周期（" + cycle.start() + "至" + cycle.end()
                + "）的学时要求，不含教育行政部门要求必须参加的特殊专项培训";
        if (claim.startDate() != null && claim.startDate().isBefore(cycle.start())) {
            note += "；学习始于上一周期，上一周期不免修，仍须完成";
        }
        return note + "；";
    }

    private static void addOnce(List<String> rules, String ruleId) {
        if (ruleId != null && !rules.contains(ruleId)) {
            rules.add(ruleId);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * A certificate kind as the reader's language names it: the recognition table's input values are the names
     * of {@code training.CertificateKind}, whose labels are kept under these keys ({@link EnumLabels}).
     */
    private static MessageSourceResolvable certificateKindLabel(String kind) {
        return new DefaultMessageSourceResolvable(new String[] {"enum.CertificateKind." + kind}, kind);
    }
}
