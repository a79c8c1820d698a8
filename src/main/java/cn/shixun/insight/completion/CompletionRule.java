package cn.shixun.insight.completion;

import cn.shixun.ledger.TeacherStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * Who counts in a completion table and how (R-38; docs/insight.md, "Completion by school"): a
 * teacher of the school on the date, in post then and holding a qualification certificate, who
 * owes something of the basis. Counted teachers are met, short (the requirements they miss) or
 * exempt (every requirement met, at least one by the degree exemption of R-16). A pure function
 * of the teacher's facts and the status the ledger computes for the date.
 */
final class CompletionRule {

    /** What the rule needs to know about the teacher besides the status. */
    record Facts(boolean certified, boolean inPost, LocalDate leftPostOn) {

        /** Left post on or before {@code date}; a teacher out of post with no date recorded has left. */
        boolean leftBy(LocalDate date) {
            return leftPostOn != null ? !leftPostOn.isAfter(date) : !inPost;
        }
    }

    private CompletionRule() {
    }

    /** {@code status} is null when the teacher's policy could not be worked out on the date. */
    static Standing standing(Facts teacher, TeacherStatus status, Basis basis, LocalDate date) {
        if (teacher.leftBy(date)) {
            return Standing.notCounted(Standing.NotCounted.LEFT_POST);
        }
        if (!teacher.certified()) {
            return Standing.notCounted(Standing.NotCounted.NOT_CERTIFIED);
        }
        if (status == null) {
            return Standing.notCounted(Standing.NotCounted.NO_PROFILE);
        }
        List<TeacherStatus.RequirementStatus> owed = status.requirements().stream()
                .filter(r -> basis.measures(r.period())).toList();
        if (owed.isEmpty()) {
            return Standing.notCounted(Standing.NotCounted.NO_REQUIREMENT);
        }
        if (owed.stream().allMatch(r -> r.required().signum() == 0 && !r.metByExemption())) {
            return Standing.notCounted(Standing.NotCounted.NOT_YET_OWED);
        }
        List<Shortfall> missing = owed.stream().filter(r -> !r.met())
                .map(r -> new Shortfall(r.code(), r.label(), r.ruleId(), r.required(), r.credited(), r.missing()))
                .toList();
        if (!missing.isEmpty()) {
            return new Standing(Standing.Kind.SHORT, null, missing);
        }
        boolean exempt = owed.stream().anyMatch(TeacherStatus.RequirementStatus::metByExemption);
        return new Standing(exempt ? Standing.Kind.EXEMPT : Standing.Kind.MET, null, List.of());
    }

    /** The counts of a school's standings. */
    static Figures figures(List<Standing> standings) {
        int met = 0;
        int shortCount = 0;
        int exempt = 0;
        int notCounted = 0;
        for (Standing s : standings) {
            switch (s.kind()) {
                case MET -> met++;
                case SHORT -> shortCount++;
                case EXEMPT -> exempt++;
                case NOT_COUNTED -> notCounted++;
            }
        }
        return new Figures(met + shortCount + exempt, met, shortCount, exempt, notCounted);
    }
}
